namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>
/// The <see cref="Tasks.Domain.Tasks.TaskError.Type"/>s the Lambda invoker reports for failures that are not the
/// function's own error type (those keep the function's <c>errorType</c>) nor a Lambda client error (those keep the
/// Lambda exception's name, e.g. <c>InvalidRequestContentException</c>).
/// </summary>
public static class LambdaErrorTypes
{
    /// <summary>A function error without an <c>errorType</c>.</summary>
    public const string Unhandled = "Unhandled";

    /// <summary>Lambda knows no function of that name (404 <c>ResourceNotFoundException</c>).</summary>
    public const string FunctionNotFound = "functionNotFound";

    /// <summary>Lambda failed (5xx, e.g. <c>ServiceException</c>).</summary>
    public const string LambdaServiceError = "lambdaServiceError";

    /// <summary>Lambda could not be reached or its answer could not be read (network, credentials).</summary>
    public const string InvocationFailed = "invocationFailed";

    /// <summary>No answer within the function's time limit (plus the margin), or Lambda timed the function out.</summary>
    public const string Timeout = "timeout";

    /// <summary>Lambda reported that the function ran out of memory (<c>Runtime.OutOfMemory</c>).</summary>
    public const string OutOfMemory = "outOfMemory";
}
