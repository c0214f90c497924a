using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace Tasks.GraphQL.Execution.Running;

/// <summary>
/// Awaits a resolver's pending value and resumes the executor through its <see cref="ExecutionScheduler"/>. When the
/// execution times out the scheduler ends the wait early with the timeout; the resolver's late result is then dropped.
/// </summary>
internal sealed class ResolverAwaiter(ExecutionScheduler scheduler, ValueTask<object?> pending) : ICriticalNotifyCompletion
{
    private readonly ConfiguredValueTaskAwaitable<object?>.ConfiguredValueTaskAwaiter source = pending.ConfigureAwait(false).GetAwaiter();
    private object? result;
    private ExceptionDispatchInfo? failure;

    public bool IsCompleted => false;

    internal Action? Continuation { get; private set; }

    public ResolverAwaiter GetAwaiter() => this;

    public object? GetResult()
    {
        failure?.Throw();
        return result;
    }

    public void OnCompleted(Action continuation) => UnsafeOnCompleted(continuation);

    public void UnsafeOnCompleted(Action continuation)
    {
        Continuation = continuation;
        scheduler.Track(this, continuation);
        source.UnsafeOnCompleted(OnSourceCompleted);
    }

    internal void Abandon(Exception reason) => failure = ExceptionDispatchInfo.Capture(reason);

    private void OnSourceCompleted()
    {
        object? value = null;
        ExceptionDispatchInfo? error = null;
        try
        {
            // Read the result exactly once, as a ValueTask requires, even when it arrives too late to be used.
            value = source.GetResult();
        }
#pragma warning disable CA1031 // The resolver's failure is handed to the executor, which reports it as a field error.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            error = ExceptionDispatchInfo.Capture(exception);
        }

        if (scheduler.Complete(this))
        {
            result = value;
            failure = error;
            scheduler.Enqueue(Continuation!);
        }
    }
}
