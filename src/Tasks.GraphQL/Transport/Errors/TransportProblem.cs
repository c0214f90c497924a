using Microsoft.AspNetCore.Http;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport.Errors;

/// <summary>An HTTP request the transport refuses before the engine sees it, with the status and error to answer.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Code">The error's <c>extensions.code</c>, one of <see cref="TransportErrorCodes"/>.</param>
/// <param name="Message">What is wrong and how to fix it, for the client's developer.</param>
internal sealed record TransportProblem(int StatusCode, string Code, string Message)
{
    /// <summary>The <c>Allow</c> header a 405 must carry.</summary>
    public string? Allow { get; init; }

    public static TransportProblem BadRequest(string message) =>
        new(StatusCodes.Status400BadRequest, TransportErrorCodes.BadRequest, message);

    public static TransportProblem MethodNotAllowed(string message, string allow) =>
        new(StatusCodes.Status405MethodNotAllowed, TransportErrorCodes.MethodNotAllowed, message) { Allow = allow };

    public static TransportProblem UnsupportedMediaType(string message) =>
        new(StatusCodes.Status415UnsupportedMediaType, TransportErrorCodes.UnsupportedMediaType, message);

    public static TransportProblem NotAcceptable(string message) =>
        new(StatusCodes.Status406NotAcceptable, TransportErrorCodes.NotAcceptable, message);

    public static TransportProblem PayloadTooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, TransportErrorCodes.PayloadTooLarge, $"The request body is larger than the {maxBytes} bytes this endpoint accepts.");

    public static TransportProblem StreamingTransportRequired(string message) =>
        new(StatusCodes.Status400BadRequest, TransportErrorCodes.StreamingTransportRequired, message);

    public GraphQLError ToError() => new(Message, Extensions: new Dictionary<string, object?> { ["code"] = Code });
}
