namespace Tasks.GraphQL.Language;

/// <summary>The three kinds of operation (spec §2.3).</summary>
public enum OperationType
{
    /// <summary>A read-only fetch.</summary>
    Query,

    /// <summary>A write followed by a fetch.</summary>
    Mutation,

    /// <summary>A long-lived request that fetches data in response to source events.</summary>
    Subscription,
}

/// <summary>Conversions between <see cref="OperationType"/> and its keyword.</summary>
public static class OperationTypeKeywords
{
    /// <summary>The keyword that introduces the operation: <c>query</c>, <c>mutation</c> or <c>subscription</c>.</summary>
    /// <param name="operation">The operation type.</param>
    public static string ToKeyword(this OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        OperationType.Subscription => "subscription",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };

    /// <summary>Reads an operation keyword; false for any other name.</summary>
    /// <param name="keyword">The name to read.</param>
    /// <param name="operation">The operation type the keyword stands for.</param>
    public static bool TryParse(string keyword, out OperationType operation)
    {
        switch (keyword)
        {
            case "query":
                operation = OperationType.Query;
                return true;
            case "mutation":
                operation = OperationType.Mutation;
                return true;
            case "subscription":
                operation = OperationType.Subscription;
                return true;
            default:
                operation = default;
                return false;
        }
    }
}
