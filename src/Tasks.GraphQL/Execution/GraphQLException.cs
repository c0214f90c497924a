namespace Tasks.GraphQL.Execution;

/// <summary>
/// An error a resolver means clients to see: its message and <see cref="Code"/> (as <c>extensions.code</c>) are reported
/// as they are. Any other exception thrown by a resolver is masked as "Unexpected Execution Error".
/// </summary>
public class GraphQLException : Exception
{
    /// <summary>An error with a generic message and no code.</summary>
    public GraphQLException()
        : this("The field could not be resolved.")
    {
    }

    /// <summary>An error with a message and no code.</summary>
    public GraphQLException(string message)
        : base(message)
    {
    }

    /// <summary>An error with a message, caused by another exception (which clients do not see).</summary>
    public GraphQLException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An error with a message, a machine-readable code and perhaps more extensions.</summary>
    /// <param name="message">For people.</param>
    /// <param name="code">Reported as <c>extensions.code</c>.</param>
    /// <param name="extensions">More entries for <c>extensions</c>.</param>
    /// <param name="innerException">The cause, which clients do not see.</param>
    public GraphQLException(string message, string? code, IReadOnlyDictionary<string, object?>? extensions = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Extensions = extensions;
    }

    /// <summary>The machine-readable code, reported as <c>extensions.code</c>.</summary>
    public string? Code { get; }

    /// <summary>More entries for the error's <c>extensions</c>.</summary>
    public IReadOnlyDictionary<string, object?>? Extensions { get; }
}
