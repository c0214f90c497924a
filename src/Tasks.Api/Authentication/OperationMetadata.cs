using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.GraphQL.Execution.Resolving;

namespace Tasks.Api.Authentication;

/// <summary>The metadata every event of one GraphQL operation carries: who asked, and one correlation id.</summary>
public static class OperationMetadata
{
    /// <summary>The request item holding a correlation id the HTTP request brought (header <c>X-Correlation-Id</c>).</summary>
    public const string CorrelationItem = "correlationId";

    private const string Key = "tasks.metadata";

    /// <summary>The operation's event metadata (built once per operation).</summary>
    public static EventMetadata Metadata(this IResolverContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestItems.TryGetValue(Key, out var cached))
        {
            return (EventMetadata)cached;
        }

        var caller = context.Caller();
        var correlation = context.Request.Items?.GetValueOrDefault(CorrelationItem) is Guid given ? given : TimeOrderedId.New();
        var metadata = new EventMetadata(correlation, null, caller.UserId, caller.ApplicationId);
        context.RequestItems[Key] = metadata;
        return metadata;
    }
}
