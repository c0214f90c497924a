namespace Tasks.Api.Authentication;

/// <summary>The permission names callers already use, read from the token's <c>permissions</c> claim.</summary>
public static class Permissions
{
    /// <summary>Read tasks, their history and subscriptions.</summary>
    public const string ViewTasks = "VIEW_TASKS";

    /// <summary>Create tasks.</summary>
    public const string CreateTasks = "CREATE_TASKS";

    /// <summary>Cancel tasks that have not started.</summary>
    public const string CancelTasks = "CANCEL_TASKS";

    /// <summary>Read the log lines of tasks.</summary>
    public const string ViewTaskLogs = "VIEW_TASK_LOGS";

    /// <summary>List functions.</summary>
    public const string ViewTaskFunctions = "VIEW_TASK_FUNCTIONS";

    /// <summary>Read a function's code, entry point, environment names and history.</summary>
    public const string ViewTaskFunctionDetails = "VIEW_TASK_FUNCTION_DETAILS";

    /// <summary>Register functions.</summary>
    public const string CreateTaskFunction = "CREATE_TASK_FUNCTION";

    /// <summary>Change, enable and disable functions.</summary>
    public const string UpdateTaskFunction = "UPDATE_TASK_FUNCTION";

    /// <summary>Delete functions.</summary>
    public const string DeleteTaskFunction = "DELETE_TASK_FUNCTION";

    /// <summary>Execute every function directly; <c>EXECUTE_TASK_FUNCTION:&lt;name&gt;</c> allows one.</summary>
    public const string ExecuteTaskFunction = "EXECUTE_TASK_FUNCTION";

    /// <summary>List schedules.</summary>
    public const string ViewTaskSchedules = "VIEW_TASK_SCHEDULES";

    /// <summary>Create schedules.</summary>
    public const string CreateTaskSchedule = "CREATE_TASK_SCHEDULE";

    /// <summary>Delete schedules.</summary>
    public const string DeleteTaskSchedule = "DELETE_TASK_SCHEDULE";

    /// <summary>Every permission without a function name: what a development admin token carries.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ViewTasks, CreateTasks, CancelTasks, ViewTaskLogs, ViewTaskFunctions, ViewTaskFunctionDetails,
        CreateTaskFunction, UpdateTaskFunction, DeleteTaskFunction, ExecuteTaskFunction,
        ViewTaskSchedules, CreateTaskSchedule, DeleteTaskSchedule,
    ];

    /// <summary>The permission that allows executing the one function <paramref name="functionName"/>.</summary>
    public static string ExecuteFunction(string functionName) => ExecuteTaskFunction + ":" + functionName;
}
