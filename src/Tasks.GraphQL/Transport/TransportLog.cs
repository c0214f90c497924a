using Microsoft.Extensions.Logging;

namespace Tasks.GraphQL.Transport;

/// <summary>The transport's log events.</summary>
internal static partial class TransportLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A GraphQL request failed unexpectedly; correlation id {CorrelationId}")]
    public static partial void RequestFailed(ILogger logger, string correlationId, Exception exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "A GraphQL response failed after it had started and was aborted; correlation id {CorrelationId}")]
    public static partial void ResponseAborted(ILogger logger, string correlationId, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "The GraphQL WebSocket connection_init hook failed; correlation id {CorrelationId}")]
    public static partial void ConnectionInitHookFailed(ILogger logger, string correlationId, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Closing a GraphQL WebSocket with {CloseCode}: {Reason}")]
    public static partial void ClosingWebSocket(ILogger logger, int closeCode, string reason);
}
