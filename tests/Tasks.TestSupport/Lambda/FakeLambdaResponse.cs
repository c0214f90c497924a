namespace Tasks.TestSupport.Lambda;

/// <summary>What a fake function's invocation answers.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Body">The body (null for none).</param>
/// <param name="FunctionError"><c>X-Amz-Function-Error</c> (<c>Unhandled</c>, <c>Handled</c>) or null.</param>
/// <param name="ErrorType"><c>x-amzn-ErrorType</c> for API errors, or null.</param>
/// <param name="RetryAfter"><c>Retry-After</c>, or null.</param>
public sealed record FakeLambdaResponse(int StatusCode, string? Body, string? FunctionError = null, string? ErrorType = null, TimeSpan? RetryAfter = null)
{
    /// <summary>The function returned <paramref name="resultJson"/> (null: an empty body).</summary>
    public static FakeLambdaResponse Result(string? resultJson) => new(200, resultJson);

    /// <summary>The function threw: 200 with <c>X-Amz-Function-Error</c> and <c>{"errorType","errorMessage","trace"}</c>.</summary>
    public static FakeLambdaResponse Error(string? errorType, string errorMessage, bool handled = false) =>
        new(200, FakeLambdaJson.FunctionError(errorType, errorMessage), handled ? "Handled" : "Unhandled");

    /// <summary>429 <c>TooManyRequestsException</c>, with <c>Retry-After</c> in whole seconds when given.</summary>
    public static FakeLambdaResponse Throttled(TimeSpan? retryAfter = null) =>
        new(
            429,
            FakeLambdaJson.ApiError("User", "Rate Exceeded.", "ReservedFunctionConcurrentInvocationLimitExceeded"),
            ErrorType: "TooManyRequestsException",
            RetryAfter: retryAfter);

    /// <summary>An API error: <paramref name="statusCode"/>, <c>x-amzn-ErrorType</c> and <c>{"Type","message"}</c>.</summary>
    public static FakeLambdaResponse ApiError(int statusCode, string errorType, string message) =>
        new(statusCode, FakeLambdaJson.ApiError(statusCode >= 500 ? "Service" : "User", message), ErrorType: errorType);
}
