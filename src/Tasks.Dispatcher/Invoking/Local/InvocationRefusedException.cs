using Tasks.Domain.Tasks;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>Raised inside the local runtime when an invocation cannot start; it becomes an <see cref="InvocationFailed"/>.</summary>
internal sealed class InvocationRefusedException(string type, string name, string message, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The failure to report.</summary>
    public TaskError Error { get; } = new(type, name, message);

    public static InvocationRefusedException CodeInvalid(string message, Exception? inner = null) =>
        new(LocalInvocationErrors.FunctionCodeInvalid, "FunctionCodeInvalid", message, inner);
}
