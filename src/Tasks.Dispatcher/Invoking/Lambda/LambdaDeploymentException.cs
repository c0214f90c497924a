namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>A Lambda deployment step failed.</summary>
public sealed class LambdaDeploymentException : Exception
{
    /// <summary><see cref="ErrorType"/> when Lambda could not be reached.</summary>
    public const string NetworkErrorType = "NetworkError";

    /// <summary><see cref="ErrorType"/> when no AWS credentials were found.</summary>
    public const string CredentialsUnavailableType = "CredentialsUnavailable";

    /// <summary><see cref="ErrorType"/> when Lambda reported the function's state or last update as failed.</summary>
    public const string DeploymentFailedType = "DeploymentFailed";

    /// <summary><see cref="ErrorType"/> when a step did not settle within <see cref="LambdaDeployerOptions.SettleTimeout"/>.</summary>
    public const string SettleTimeoutType = "SettleTimeout";

    /// <summary>Creates the exception.</summary>
    public LambdaDeploymentException()
        : this("Lambda deployment failed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    public LambdaDeploymentException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public LambdaDeploymentException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        FunctionName = string.Empty;
        ErrorType = DeploymentFailedType;
    }

    /// <summary>Creates the exception for one failed step.</summary>
    /// <param name="operation">The Lambda operation (e.g. <c>CreateFunction</c>).</param>
    /// <param name="functionName">The function.</param>
    /// <param name="statusCode">Lambda's HTTP status, when it answered.</param>
    /// <param name="errorType">Lambda's exception type (e.g. <c>InvalidParameterValueException</c>) or one of the <c>…Type</c> constants.</param>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public LambdaDeploymentException(
        string operation,
        string functionName,
        int? statusCode,
        string errorType,
        string message,
        Exception? innerException = null)
        : base($"{operation} of Lambda function '{functionName}' failed: {errorType}: {message}", innerException)
    {
        Operation = operation;
        FunctionName = functionName;
        StatusCode = statusCode;
        ErrorType = errorType;
    }

    /// <summary>The Lambda operation that failed (e.g. <c>UpdateFunctionCode</c>).</summary>
    public string Operation { get; }

    /// <summary>The function being deployed or deleted.</summary>
    public string FunctionName { get; }

    /// <summary>Lambda's HTTP status, when it answered.</summary>
    public int? StatusCode { get; }

    /// <summary>Lambda's exception type, or one of the <c>…Type</c> constants.</summary>
    public string ErrorType { get; }
}
