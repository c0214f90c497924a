namespace Tasks.GraphQL.Execution.Running;

/// <summary>What completing a value at one position of the result gave; the position's type decides what follows.</summary>
internal enum CompletionOutcome : byte
{
    /// <summary>A non-null value.</summary>
    Value,

    /// <summary>null, because the resolver gave null: fine for a nullable type, an error for a non-null one.</summary>
    Null,

    /// <summary>null, because of a field error at or below this position (already reported, never reported twice).</summary>
    Error,
}
