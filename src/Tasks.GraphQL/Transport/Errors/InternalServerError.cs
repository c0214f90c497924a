using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport.Errors;

/// <summary>
/// The error a client sees when something failed unexpectedly: never the exception's text, which may hold secrets,
/// only a correlation id that is logged beside the exception.
/// </summary>
internal static class InternalServerError
{
    public const string Message = "Internal server error.";

    public static string NewCorrelationId() => Guid.NewGuid().ToString("N");

    public static GraphQLError Create(string correlationId) => new(
        Message,
        Extensions: new Dictionary<string, object?>
        {
            ["code"] = TransportErrorCodes.InternalServerError,
            ["correlationId"] = correlationId,
        });
}
