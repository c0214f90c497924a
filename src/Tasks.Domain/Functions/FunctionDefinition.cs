using Tasks.Domain.Primitives;

namespace Tasks.Domain.Functions;

/// <summary>
/// Everything a function is, as registered or last updated. Unset settings take their defaults
/// (<see cref="FunctionLimits"/>). Validate with <see cref="FunctionRules.Validate(FunctionDefinition)"/>.
/// </summary>
public sealed record FunctionDefinition
{
    /// <summary>The unique name (see <see cref="FunctionName"/>); it also fixes the stream id.</summary>
    public required string Name { get; init; }

    /// <summary>Free text.</summary>
    public string? Description { get; init; }

    /// <summary>The code zip, when uploaded.</summary>
    public CodeReference? Code { get; init; }

    /// <summary>The handler, relative to the code root (e.g. <c>index.handler</c>).</summary>
    public required string EntryPoint { get; init; }

    /// <summary>The AWS Lambda runtime id (see <see cref="FunctionRuntimes"/>).</summary>
    public required string Runtime { get; init; }

    /// <summary>The time limit in seconds, <see cref="FunctionLimits.MinTimeLimit"/> to <see cref="FunctionLimits.MaxTimeLimit"/>.</summary>
    public int TimeLimit { get; init; } = FunctionLimits.DefaultTimeLimit;

    /// <summary>The memory limit in MB, <see cref="FunctionLimits.MinMemoryLimit"/> to <see cref="FunctionLimits.MaxMemoryLimit"/>.</summary>
    public int MemoryLimit { get; init; } = FunctionLimits.DefaultMemoryLimit;

    /// <summary>Environment variables; the values are secrets, never shown to readers.</summary>
    public EquatableDictionary<string, string> Environment { get; init; } = new();

    /// <summary>Who may execute it directly.</summary>
    public ExecutionPermission ExecutionPermission { get; init; } = ExecutionPermission.PermissionRequired;

    /// <summary>The priority of tasks that give none.</summary>
    public int? DefaultPriority { get; init; }

    /// <summary>What happens when one of its tasks fails.</summary>
    public RetryPolicy RetryPolicy { get; init; } = RetryPolicy.Disabled;

    /// <summary>Whether its tasks are executed; a disabled function's tasks wait.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Whether it may be executed directly (waited for): only with a short enough time limit.</summary>
    public bool AllowsDirectExecution => TimeLimit <= FunctionLimits.MaxDirectExecutionTimeLimit;
}
