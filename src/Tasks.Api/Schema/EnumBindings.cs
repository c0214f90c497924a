using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;

namespace Tasks.Api.Schema;

/// <summary>How the schema's enums map to the values stored and used inside the service.</summary>
public static class EnumBindings
{
    /// <summary>TaskStatus → the stored status names.</summary>
    public static IReadOnlyDictionary<string, object> TaskStatus { get; } = new Dictionary<string, object>
    {
        ["NEW"] = Domain.Tasks.TaskStatus.New.ToWireName(),
        ["IN_PROGRESS"] = Domain.Tasks.TaskStatus.InProgress.ToWireName(),
        ["COMPLETE"] = Domain.Tasks.TaskStatus.Complete.ToWireName(),
        ["RETRIED"] = Domain.Tasks.TaskStatus.Retried.ToWireName(),
        ["FAILED"] = Domain.Tasks.TaskStatus.Failed.ToWireName(),
        ["CANCELED"] = Domain.Tasks.TaskStatus.Canceled.ToWireName(),
    };

    /// <summary>ExecutionPermission → the wire names functions store.</summary>
    public static IReadOnlyDictionary<string, object> ExecutionPermission { get; } = new Dictionary<string, object>
    {
        ["PERMISSION_REQUIRED"] = Domain.Functions.ExecutionPermission.PermissionRequired.ToWireName(),
        ["ALL_USERS"] = Domain.Functions.ExecutionPermission.AllUsers.ToWireName(),
        ["PUBLIC"] = Domain.Functions.ExecutionPermission.Public.ToWireName(),
    };

    /// <summary>TaskEventType → the stored event names.</summary>
    public static IReadOnlyDictionary<string, object> TaskEventType { get; } = new Dictionary<string, object>
    {
        ["CREATED"] = "task-created",
        ["CANCELED"] = "task-cancelled",
        ["STARTED"] = "task-started",
        ["COMPLETED"] = "task-completed",
        ["FAILED"] = "task-failed",
        ["RETRIED"] = "task-retried",
        ["DEFERRED"] = "task-deferred",
    };
}
