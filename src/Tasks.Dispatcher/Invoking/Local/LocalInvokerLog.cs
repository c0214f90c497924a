using Microsoft.Extensions.Logging;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>The local runtime's log events.</summary>
internal static partial class LocalInvokerLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Invoking {FunctionName} ({Runtime}) for task {TaskId}")]
    public static partial void Invoking(ILogger logger, string functionName, string runtime, Guid taskId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Unpacked code package {Sha256} ({SizeBytes} bytes) into {Directory}")]
    public static partial void CodeUnpacked(ILogger logger, string sha256, long sizeBytes, string directory);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Refused code package {Sha256}: {Reason}")]
    public static partial void CodeRefused(ILogger logger, string sha256, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Killed {FunctionName} for task {TaskId} (process {ProcessId}): {Reason}")]
    public static partial void Killed(ILogger logger, string functionName, Guid taskId, int processId, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Invocation of {FunctionName} for task {TaskId} ended in {ElapsedMs} ms: {Outcome}")]
    public static partial void Ended(ILogger logger, string functionName, Guid taskId, long elapsedMs, string outcome);
}
