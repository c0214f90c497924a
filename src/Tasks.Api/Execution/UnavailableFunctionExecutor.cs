using Tasks.Api.Errors;
using Tasks.Api.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;

namespace Tasks.Api.Execution;

/// <summary>The executor of a service without a function runtime: every execution is refused as UNAVAILABLE.</summary>
public sealed class UnavailableFunctionExecutor : IFunctionExecutor
{
    /// <inheritdoc />
    public Task<ExecutionOutcome> ExecuteAsync(FunctionView function, TaskData data, EventMetadata metadata, CancellationToken cancellationToken) =>
        Task.FromResult(new ExecutionOutcome(
            null,
            null,
            null,
            new ExecutionProblem(ApiErrorCodes.Unavailable, "No function runtime is configured in this service, so functions cannot be executed directly yet.")));
}
