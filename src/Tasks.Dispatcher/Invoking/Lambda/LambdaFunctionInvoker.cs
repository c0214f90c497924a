using System.Net;
using System.Text;
using Amazon.Runtime;
using Tasks.Domain.Tasks;

namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>
/// Runs functions on AWS Lambda through its Invoke REST API (<c>POST /2015-03-31/functions/{name}/invocations</c>,
/// synchronous, with the log tail), signed with SigV4. Every answer maps to one <see cref="InvocationOutcome"/>:
/// <list type="bullet">
/// <item>200 without <c>X-Amz-Function-Error</c>: <see cref="InvocationSucceeded"/> with the body (null when empty or <c>null</c>);</item>
/// <item>200 with <c>X-Amz-Function-Error</c>: <see cref="InvocationFailed"/> with the function's <c>errorType</c> (<c>Unhandled</c> when none;
/// <c>Sandbox.Timedout</c> becomes <c>timeout</c> and <c>Runtime.OutOfMemory</c> <c>outOfMemory</c>) and <c>errorMessage</c>;</item>
/// <item>429: <see cref="InvocationThrottled"/> after <c>Retry-After</c> or <see cref="LambdaInvokerOptions.ThrottleBackoff"/>;</item>
/// <item>404: failed, <c>functionNotFound</c>; other 4xx: failed with Lambda's exception type (e.g. <c>InvalidRequestContentException</c>);</item>
/// <item>5xx: failed, <c>lambdaServiceError</c>; network or credential failures: failed, <c>invocationFailed</c>;</item>
/// <item>no answer within the request's timeout plus <see cref="LambdaInvokerOptions.TimeoutMargin"/>: failed, <c>timeout</c>.</item>
/// </list>
/// </summary>
public sealed class LambdaFunctionInvoker : IFunctionInvoker
{
    /// <summary>The response header naming a function error (<c>Unhandled</c> or <c>Handled</c>).</summary>
    public const string FunctionErrorHeader = "X-Amz-Function-Error";

    private readonly LambdaApiClient api;
    private readonly LambdaInvokerOptions options;
    private readonly TimeProvider timeProvider;

    /// <summary>Creates an invoker.</summary>
    /// <param name="httpClient">The client to send with; its own <see cref="HttpClient.Timeout"/> should exceed the longest function time limit.</param>
    /// <param name="options">Region, endpoint, credentials and margins; unset region and endpoint come from the environment.</param>
    /// <param name="timeProvider">The clock for signing and timeouts (the system clock by default).</param>
    /// <exception cref="InvalidOperationException">No region is configured.</exception>
    public LambdaFunctionInvoker(HttpClient httpClient, LambdaInvokerOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        api = new LambdaApiClient(httpClient, options, this.timeProvider);
    }

    /// <summary>The Lambda API address in use.</summary>
    public Uri Endpoint => api.Endpoint;

    /// <summary>The region requests are signed for.</summary>
    public string Region => api.Region;

    /// <inheritdoc />
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var limit = request.Timeout + options.TimeoutMargin;
        using var timeout = new CancellationTokenSource(limit, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await api.SendAsync(
                HttpMethod.Post,
                LambdaApiClient.FunctionPath(request.Function.Name) + "/invocations",
                Encoding.UTF8.GetBytes(request.EventJson),
                [new("X-Amz-Invocation-Type", "RequestResponse"), new("X-Amz-Log-Type", "Tail")],
                linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            return Map(response, body);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested || ex.InnerException is TimeoutException)
        {
            return Failed(
                LambdaErrorTypes.Timeout,
                "InvocationTimeout",
                $"Lambda did not answer within {limit.TotalSeconds:0.###} s (the function's time limit plus a margin of {options.TimeoutMargin.TotalSeconds:0.###} s).");
        }
        catch (HttpRequestException ex)
        {
            return Failed(LambdaErrorTypes.InvocationFailed, nameof(HttpRequestException), $"Lambda could not be reached at {api.Endpoint}: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Failed(LambdaErrorTypes.InvocationFailed, nameof(IOException), $"Lambda's answer could not be read: {ex.Message}");
        }
        catch (AmazonClientException ex)
        {
            return Failed(LambdaErrorTypes.InvocationFailed, "CredentialsUnavailable", $"No AWS credentials to call Lambda with: {ex.Message}");
        }
    }

    private static InvocationFailed Failed(string type, string name, string message) => new(new TaskError(type, name, message), []);

    private InvocationOutcome Map(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            var logs = LambdaLogTail.Parse(FirstHeader(response, LambdaLogTail.Header), timeProvider.GetUtcNow());
            var functionError = FirstHeader(response, FunctionErrorHeader);
            if (functionError is null)
            {
                var trimmed = body.Trim();
                return new InvocationSucceeded(trimmed.Length == 0 || trimmed == "null" ? null : body, logs);
            }

            return new InvocationFailed(FunctionError(functionError, body), logs);
        }

        var error = LambdaServiceError.Parse(response, body);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new InvocationThrottled(RetryAfter(response) ?? options.ThrottleBackoff, $"{error.Type ?? "TooManyRequestsException"}: {error.Message}");
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return Failed(LambdaErrorTypes.FunctionNotFound, error.Type ?? "ResourceNotFoundException", error.Message);
        }

        if (status is >= 400 and < 500)
        {
            return Failed(error.TypeOrStatus, error.TypeOrStatus, error.Message);
        }

        return Failed(LambdaErrorTypes.LambdaServiceError, error.TypeOrStatus, error.Message);
    }

    private static TaskError FunctionError(string header, string body)
    {
        string? errorType = null;
        string? errorMessage = null;
        if (LambdaJson.TryParseObject(body) is { } json)
        {
            errorType = LambdaJson.GetString(json, "errorType");
            errorMessage = LambdaJson.GetString(json, "errorMessage");
        }
        else if (!string.IsNullOrWhiteSpace(body) && body.Trim() != "null")
        {
            errorMessage = LambdaJson.Truncate(body.Trim());
        }

        errorMessage ??= $"The function failed ({header}).";
        var type = errorType switch
        {
            "Sandbox.Timedout" => LambdaErrorTypes.Timeout,
            "Runtime.OutOfMemory" => LambdaErrorTypes.OutOfMemory,
            null when errorMessage.Contains("Task timed out after", StringComparison.Ordinal) => LambdaErrorTypes.Timeout,
            null => LambdaErrorTypes.Unhandled,
            _ => errorType,
        };
        return new TaskError(type, errorType ?? header, errorMessage);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        TimeSpan? delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        return delay is { } d ? (d < TimeSpan.Zero ? TimeSpan.Zero : d) : null;
    }

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
