namespace Tasks.Dispatcher.Invoking;

/// <summary>Runs one invocation of a function and reports how it ended; never throws for the function's own failures.</summary>
public interface IFunctionInvoker
{
    /// <summary>Invokes <paramref name="request"/>'s function with its event, within its timeout.</summary>
    /// <param name="request">What to run.</param>
    /// <param name="cancellationToken">Fires on shutdown: the invoker abandons the call (the task's lease then decides).</param>
    Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken);
}
