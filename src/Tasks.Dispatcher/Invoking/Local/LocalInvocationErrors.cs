namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>
/// The error types (<see cref="Domain.Tasks.TaskError.Type"/>) the local runtime reports for failures that are not the
/// function's own thrown errors (those keep the function's type). Retry policies match these.
/// </summary>
public static class LocalInvocationErrors
{
    /// <summary>The function ran past its time limit and was killed.</summary>
    public const string Timeout = "timeout";

    /// <summary>The runtime process ended (crashed, or exited on its own) before the handler reported an outcome.</summary>
    public const string RuntimeExited = "runtimeExited";

    /// <summary>The function exceeded its memory limit.</summary>
    public const string OutOfMemory = "outOfMemory";

    /// <summary>The handler's result cannot be represented as JSON.</summary>
    public const string InvalidResult = "invalidResult";

    /// <summary>The function's runtime is neither <c>nodejs*</c> nor <c>python3*</c>.</summary>
    public const string RuntimeNotSupported = "runtimeNotSupported";

    /// <summary>The <c>node</c> or <c>python3</c> executable is not on this machine.</summary>
    public const string RuntimeNotInstalled = "runtimeNotInstalled";

    /// <summary>The entry point's module, or its function, is not in the code.</summary>
    public const string HandlerNotFound = "handlerNotFound";

    /// <summary>The function has no code, or its package is not in the code store.</summary>
    public const string FunctionCodeMissing = "functionCodeMissing";

    /// <summary>The code package cannot be used: not a zip, a wrong hash, too large unpacked, or an entry outside its root.</summary>
    public const string FunctionCodeInvalid = "functionCodeInvalid";
}
