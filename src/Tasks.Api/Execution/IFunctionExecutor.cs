using Tasks.Api.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;

namespace Tasks.Api.Execution;

/// <summary>Runs a function directly and waits for its outcome (the dispatcher provides the real one).</summary>
public interface IFunctionExecutor
{
    /// <summary>Runs <paramref name="function"/> with <paramref name="data"/> within its time limit.</summary>
    Task<ExecutionOutcome> ExecuteAsync(FunctionView function, TaskData data, EventMetadata metadata, CancellationToken cancellationToken);
}

/// <summary>What a direct execution came to.</summary>
/// <param name="TaskId">The background task that ran it, when one was created.</param>
/// <param name="ResultJson">The function's result, when it completed.</param>
/// <param name="Error">The function's error, when it failed.</param>
/// <param name="Problem">Why it could not run or did not finish (code TIMEOUT or UNAVAILABLE), when so.</param>
public sealed record ExecutionOutcome(Guid? TaskId, string? ResultJson, TaskError? Error, Errors.MutationError? Problem);
