namespace Tasks.GraphQL.Transport;

/// <summary>The media types and protocol names the transport speaks.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";
    public const string Html = "text/html";

    /// <summary>The only encoding the transport reads and writes.</summary>
    public const string Utf8Suffix = "; charset=utf-8";

    public const string WebSocketSubProtocol = "graphql-transport-ws";
}
