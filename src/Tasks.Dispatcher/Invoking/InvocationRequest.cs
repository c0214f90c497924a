using Tasks.Domain.Functions;

namespace Tasks.Dispatcher.Invoking;

/// <summary>One invocation: the function as registered, the event it receives, and how long it may take.</summary>
/// <param name="Function">The function's definition (name, runtime, entry point, limits, environment, code reference).</param>
/// <param name="EventJson">The event, as JSON text: <c>{"data": …, "task": {"id", "functionName", "priority", "tags", "startTimestamp", "attempt"}}</c>.</param>
/// <param name="Timeout">When to give up waiting (the function's time limit).</param>
/// <param name="TaskId">The task being run (for logs and tracing).</param>
public sealed record InvocationRequest(FunctionDefinition Function, string EventJson, TimeSpan Timeout, Guid TaskId);
