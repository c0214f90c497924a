namespace Tasks.Projections.Queries;

/// <summary>A query was rejected before reaching the database; <see cref="Errors"/> says why.</summary>
public sealed class QueryValidationException : Exception
{
    /// <summary>Rejects a query for the given reasons (at least one).</summary>
    public QueryValidationException(IReadOnlyList<QueryError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Rejects a query with a bare message (no typed errors).</summary>
    public QueryValidationException()
        : this("the query is not valid")
    {
    }

    /// <summary>Rejects a query with a bare message (no typed errors).</summary>
    public QueryValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Rejects a query with a bare message and a cause (no typed errors).</summary>
    public QueryValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The reasons, in the order they were found.</summary>
    public IReadOnlyList<QueryError> Errors { get; }

    private static string Describe(IReadOnlyList<QueryError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0 ? "the query is not valid" : string.Join("; ", errors.Select(e => e.Message));
    }
}
