namespace Tasks.GraphQL.Execution;

/// <summary>
/// A request parsed, validated and with its operation chosen and variables coerced, ready to execute;
/// or the request errors that stop it before execution (a syntax or validation error, an unknown
/// operation, bad variables). Transports decide status codes from it before anything runs.
/// </summary>
public sealed class PreparedRequest
{
    /// <summary>A request that cannot execute.</summary>
    public PreparedRequest(IReadOnlyList<GraphQLError> requestErrors)
    {
        ArgumentNullException.ThrowIfNull(requestErrors);
        if (requestErrors.Count == 0)
        {
            throw new ArgumentException("a failed request has at least one error", nameof(requestErrors));
        }

        RequestErrors = requestErrors;
    }

    /// <summary>A request ready to execute.</summary>
    public PreparedRequest(bool isMutation, bool isSubscription, object executionPlan)
    {
        IsMutation = isMutation;
        IsSubscription = isSubscription;
        ExecutionPlan = executionPlan;
        RequestErrors = [];
    }

    /// <summary>Errors that stop the request before execution; empty when it can execute.</summary>
    public IReadOnlyList<GraphQLError> RequestErrors { get; }

    /// <summary>Whether the request can execute.</summary>
    public bool IsExecutable => RequestErrors.Count == 0;

    /// <summary>The chosen operation is a mutation.</summary>
    public bool IsMutation { get; }

    /// <summary>The chosen operation is a subscription.</summary>
    public bool IsSubscription { get; }

    /// <summary>The executor's own state for this request (document, operation, coerced variables).</summary>
    public object? ExecutionPlan { get; }
}
