using System.Diagnostics.CodeAnalysis;

namespace Tasks.Domain.Functions;

/// <summary>The wire names of <see cref="ExecutionPermission"/>.</summary>
public static class ExecutionPermissions
{
    /// <summary>Every permission mode.</summary>
    public static IReadOnlyList<ExecutionPermission> All { get; } =
        [ExecutionPermission.PermissionRequired, ExecutionPermission.AllUsers, ExecutionPermission.Public];

    /// <summary>The wire name: <c>permissionRequired</c>, <c>allUsers</c> or <c>public</c>.</summary>
    /// <param name="permission">The mode.</param>
    /// <returns>The wire name.</returns>
    public static string ToWireName(this ExecutionPermission permission) =>
        permission switch
        {
            ExecutionPermission.PermissionRequired => "permissionRequired",
            ExecutionPermission.AllUsers => "allUsers",
            ExecutionPermission.Public => "public",
            _ => throw new ArgumentOutOfRangeException(nameof(permission), permission, "Unknown execution permission."),
        };

    /// <summary>Reads a wire name (exact, case-sensitive).</summary>
    /// <param name="wireName">The wire name.</param>
    /// <param name="permission">The mode, when recognised.</param>
    /// <returns>Whether the name is a mode's wire name.</returns>
    public static bool TryFromWireName([NotNullWhen(true)] string? wireName, out ExecutionPermission permission)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWireName(), wireName, StringComparison.Ordinal))
            {
                permission = candidate;
                return true;
            }
        }

        permission = default;
        return false;
    }

    /// <summary>Reads a wire name (exact, case-sensitive); throws on an unknown one.</summary>
    /// <param name="wireName">The wire name.</param>
    /// <returns>The mode.</returns>
    public static ExecutionPermission FromWireName(string wireName) =>
        TryFromWireName(wireName, out var permission)
            ? permission
            : throw new ArgumentException($"'{wireName}' is not an execution permission.", nameof(wireName));
}
