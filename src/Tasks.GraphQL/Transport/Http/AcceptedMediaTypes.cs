namespace Tasks.GraphQL.Transport.Http;

/// <summary>A media type the endpoint can answer with.</summary>
internal enum ResponseMediaType
{
    GraphQLResponseJson,
    Json,
    EventStream,
}

/// <summary>What an <c>Accept</c> header allows, as far as this endpoint is concerned.</summary>
/// <param name="Preferred">The client's favourite among everything the endpoint can send; null when nothing fits (406).</param>
/// <param name="PreferredJson">The client's favourite JSON type; null when it accepts neither JSON type.</param>
/// <param name="AcceptsEventStream">The client takes <c>text/event-stream</c> at all (so a subscription can stream).</param>
internal readonly record struct AcceptedMediaTypes(ResponseMediaType? Preferred, ResponseMediaType? PreferredJson, bool AcceptsEventStream)
{
    /// <summary>The JSON type for an error body: the preferred JSON type, else plain JSON, which every client reads.</summary>
    public string ErrorMediaType => PreferredJson == ResponseMediaType.GraphQLResponseJson
        ? GraphQLMediaTypes.GraphQLResponseJson
        : GraphQLMediaTypes.Json;

    public static string ToMediaType(ResponseMediaType mediaType) => mediaType switch
    {
        ResponseMediaType.GraphQLResponseJson => GraphQLMediaTypes.GraphQLResponseJson,
        ResponseMediaType.Json => GraphQLMediaTypes.Json,
        _ => GraphQLMediaTypes.EventStream,
    };
}
