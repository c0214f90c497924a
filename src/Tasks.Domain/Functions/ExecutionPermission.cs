using System.Diagnostics.CodeAnalysis;

namespace Tasks.Domain.Functions;

/// <summary>Who may execute a function directly. Wire names: see <see cref="ExecutionPermissions"/>.</summary>
[SuppressMessage("Naming", "CA1711", Justification = "The setting is called executionPermission in the hosted service; it is no code-access permission.")]
public enum ExecutionPermission
{
    /// <summary>Only callers holding <c>EXECUTE_TASK_FUNCTION</c> or <c>EXECUTE_TASK_FUNCTION:&lt;name&gt;</c> (wire name <c>permissionRequired</c>). The default.</summary>
    PermissionRequired,

    /// <summary>Any authenticated user (wire name <c>allUsers</c>).</summary>
    AllUsers,

    /// <summary>Anyone, even unauthenticated (wire name <c>public</c>).</summary>
    Public,
}
