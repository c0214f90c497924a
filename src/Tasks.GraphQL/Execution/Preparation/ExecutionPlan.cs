namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>What <see cref="PreparedRequest.ExecutionPlan"/> holds: the cached operation plan and this request's coerced variables.</summary>
/// <param name="Operation">The operation to run.</param>
/// <param name="Variables">The coerced variable values; a variable that was not given and has no default is absent.</param>
internal sealed record ExecutionPlan(OperationPlan Operation, IReadOnlyDictionary<string, object?> Variables);
