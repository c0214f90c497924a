namespace Tasks.GraphQL.Transport;

/// <summary>
/// The <c>extensions.code</c> values of errors the transport itself raises (as opposed to the engine's request and
/// field errors), so clients can tell a refused HTTP request from a GraphQL error.
/// </summary>
public static class TransportErrorCodes
{
    /// <summary>The HTTP request is not a well-formed GraphQL request (bad JSON, wrong parameter types, ...).</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The HTTP method cannot carry this request (another method, or a mutation over GET).</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    /// <summary>The request body is not <c>application/json</c> in UTF-8.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The client accepts none of the media types the endpoint can answer with.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The request body is larger than the endpoint allows.</summary>
    public const string PayloadTooLarge = "PAYLOAD_TOO_LARGE";

    /// <summary>A subscription was sent where results cannot be streamed (plain JSON over HTTP, or in a batch).</summary>
    public const string StreamingTransportRequired = "STREAMING_TRANSPORT_REQUIRED";

    /// <summary>Something failed unexpectedly; the error carries a <c>correlationId</c> that is also logged.</summary>
    public const string InternalServerError = "INTERNAL_SERVER_ERROR";
}
