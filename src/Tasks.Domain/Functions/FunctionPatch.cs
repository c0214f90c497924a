using Tasks.Domain.Primitives;

namespace Tasks.Domain.Functions;

/// <summary>
/// A partial update of a function: only present fields change. The name cannot change (it fixes the
/// stream id), and enabling goes through its own commands.
/// </summary>
public sealed record FunctionPatch
{
    /// <summary>A new description (<c>null</c> clears it).</summary>
    public Optional<string?> Description { get; init; }

    /// <summary>A new code zip (<c>null</c> clears it).</summary>
    public Optional<CodeReference?> Code { get; init; }

    /// <summary>A new entry point.</summary>
    public Optional<string> EntryPoint { get; init; }

    /// <summary>A new runtime id.</summary>
    public Optional<string> Runtime { get; init; }

    /// <summary>A new time limit, in seconds.</summary>
    public Optional<int> TimeLimit { get; init; }

    /// <summary>A new memory limit, in MB.</summary>
    public Optional<int> MemoryLimit { get; init; }

    /// <summary>A new environment; it replaces the whole old one (values are never read back, so merging could not be checked).</summary>
    public Optional<EquatableDictionary<string, string>> Environment { get; init; }

    /// <summary>A new execution permission.</summary>
    public Optional<ExecutionPermission> ExecutionPermission { get; init; }

    /// <summary>A new default priority (<c>null</c> clears it).</summary>
    public Optional<int?> DefaultPriority { get; init; }

    /// <summary>A new retry policy.</summary>
    public Optional<RetryPolicy> RetryPolicy { get; init; }

    /// <summary>Applies the present fields to a definition (without validating).</summary>
    /// <param name="definition">The current definition.</param>
    /// <returns>The updated definition.</returns>
    public FunctionDefinition ApplyTo(FunctionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition with
        {
            Description = Description.Or(definition.Description),
            Code = Code.Or(definition.Code),
            EntryPoint = EntryPoint.Or(definition.EntryPoint),
            Runtime = Runtime.Or(definition.Runtime),
            TimeLimit = TimeLimit.Or(definition.TimeLimit),
            MemoryLimit = MemoryLimit.Or(definition.MemoryLimit),
            Environment = Environment.Or(definition.Environment),
            ExecutionPermission = ExecutionPermission.Or(definition.ExecutionPermission),
            DefaultPriority = DefaultPriority.Or(definition.DefaultPriority),
            RetryPolicy = RetryPolicy.Or(definition.RetryPolicy),
        };
    }
}
