using System.Net;
using System.Net.Sockets;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.TestSupport.Lambda;

namespace Tasks.Dispatcher.Tests.Lambda;

public sealed class LambdaFunctionInvokerTests : LambdaTestKit
{
    [Fact]
    public async Task A_returned_result_succeeds_with_the_response_body_as_result_json()
    {
        Server.AddFunction("adder").Returns("""{"sum":3}""");

        var outcome = await Invoker().InvokeAsync(Request("adder"), CancellationToken.None);

        var succeeded = Assert.IsType<InvocationSucceeded>(outcome);
        Assert.Equal("""{"sum":3}""", succeeded.ResultJson);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    public async Task A_function_that_returns_nothing_succeeds_without_a_result(string? body)
    {
        Server.AddFunction("quiet").Returns(body);

        var outcome = await Invoker().InvokeAsync(Request("quiet"), CancellationToken.None);

        Assert.Null(Assert.IsType<InvocationSucceeded>(outcome).ResultJson);
    }

    [Fact]
    public async Task The_event_is_posted_to_the_invoke_api_synchronously_asking_for_the_log_tail()
    {
        var function = Server.AddFunction("echo");
        var request = Request("echo", """{"data":{"greeting":"héllo"},"task":{"id":"t1"}}""");

        var outcome = await Invoker().InvokeAsync(request, CancellationToken.None);

        Assert.Equal(request.EventJson, Assert.IsType<InvocationSucceeded>(outcome).ResultJson);
        var recorded = Assert.Single(Server.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/2015-03-31/functions/echo/invocations", recorded.Path);
        Assert.Equal("RequestResponse", recorded.Header("X-Amz-Invocation-Type"));
        Assert.Equal("Tail", recorded.Header("X-Amz-Log-Type"));
        Assert.Equal(request.EventJson, recorded.Body);
        Assert.True(recorded.SignatureValid);
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=" + Server.Options.AccessKeyId + "/", recorded.Header("Authorization"), StringComparison.Ordinal);
        Assert.Equal([request.EventJson], function.Events);
    }

    [Fact]
    public async Task The_log_tail_becomes_log_lines_keeping_the_runtime_timestamps()
    {
        Server.AddFunction("chatty")
            .Logs(
                "START RequestId: 8f5a Version: $LATEST",
                "2025-01-02T03:04:05.678Z\t8f5a\tINFO\tworking on it",
                "",
                "END RequestId: 8f5a")
            .Returns("1");
        var before = DateTimeOffset.UtcNow;

        var outcome = await Invoker().InvokeAsync(Request("chatty"), CancellationToken.None);

        var logs = Assert.IsType<InvocationSucceeded>(outcome).Logs;
        Assert.Equal(["START RequestId: 8f5a Version: $LATEST", "8f5a\tINFO\tworking on it", "END RequestId: 8f5a"], logs.Select(l => l.Message));
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero), logs[1].Timestamp);
        Assert.True(logs[0].Timestamp >= before, "A line without its own time takes the time it was read.");
    }

    [Fact]
    public async Task Only_the_last_four_kilobytes_of_logs_come_back()
    {
        var lines = Enumerable.Range(0, 200).Select(i => $"line {i:D3} " + new string('x', 40)).ToArray();
        Server.AddFunction("verbose").Logs(lines).Returns("1");

        var outcome = await Invoker().InvokeAsync(Request("verbose"), CancellationToken.None);

        var logs = Assert.IsType<InvocationSucceeded>(outcome).Logs;
        Assert.Equal(lines[^1], logs[^1].Message);
        Assert.True(logs.Count < lines.Length);
        Assert.True(logs.Sum(l => l.Message.Length + 1) <= 4096);
    }

    [Fact]
    public async Task An_unhandled_function_error_fails_with_the_functions_error_type_name_and_message_and_keeps_the_logs()
    {
        Server.AddFunction("thrower").Logs("about to throw").FailsWith("ValidationError", "n must be positive");

        var outcome = await Invoker().InvokeAsync(Request("thrower"), CancellationToken.None);

        var failed = AssertFailed(outcome);
        Assert.Equal(new("ValidationError", "ValidationError", "n must be positive"), failed.Error);
        Assert.Equal("about to throw", Assert.Single(failed.Logs).Message);
    }

    [Fact]
    public async Task A_handled_function_error_fails_the_same_way()
    {
        Server.AddFunction("handled").FailsWith("MyError", "handled it", handled: true);

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("handled"), CancellationToken.None));

        Assert.Equal(new("MyError", "MyError", "handled it"), failed.Error);
    }

    [Fact]
    public async Task A_function_error_without_an_error_type_fails_as_unhandled()
    {
        Server.AddFunction("vague").FailsWith(null, "something broke");

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("vague"), CancellationToken.None));

        Assert.Equal(new(LambdaErrorTypes.Unhandled, "Unhandled", "something broke"), failed.Error);
    }

    [Theory]
    [InlineData("Sandbox.Timedout", "Task timed out after 3.00 seconds", "timeout")]
    [InlineData(null, "2025-01-02T03:04:05.678Z 8f5a Task timed out after 3.00 seconds", "timeout")]
    [InlineData("Runtime.OutOfMemory", "Runtime exited with error: signal: killed", "outOfMemory")]
    public async Task Lambdas_own_timeouts_and_out_of_memory_errors_fail_with_the_types_retry_policies_match(
        string? errorType, string message, string expectedType)
    {
        Server.AddFunction("limited").FailsWith(errorType, message);

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("limited"), CancellationToken.None));

        Assert.Equal(expectedType, failed.Error.Type);
        Assert.Equal(errorType ?? "Unhandled", failed.Error.Name);
        Assert.Equal(message, failed.Error.Message);
    }

    [Fact]
    public async Task Throttling_is_not_a_failure_and_waits_as_long_as_retry_after_says()
    {
        Server.AddFunction("busy").Throttles(TimeSpan.FromSeconds(7));

        var outcome = await Invoker().InvokeAsync(Request("busy"), CancellationToken.None);

        var throttled = Assert.IsType<InvocationThrottled>(outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.RetryAfter);
        Assert.Contains("TooManyRequestsException", throttled.Reason, StringComparison.Ordinal);
        Assert.Contains("Rate Exceeded.", throttled.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_without_retry_after_waits_the_configured_backoff()
    {
        Server.AddFunction("busy").Throttles();
        var invoker = new LambdaFunctionInvoker(Http, Options() with { ThrottleBackoff = TimeSpan.FromSeconds(2) });

        var outcome = await invoker.InvokeAsync(Request("busy"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(2), Assert.IsType<InvocationThrottled>(outcome).RetryAfter);
    }

    [Fact]
    public async Task Invoking_a_function_lambda_does_not_know_fails_as_function_not_found()
    {
        var failed = AssertFailed(await Invoker().InvokeAsync(Request("ghost"), CancellationToken.None));

        Assert.Equal(LambdaErrorTypes.FunctionNotFound, failed.Error.Type);
        Assert.Equal("ResourceNotFoundException", failed.Error.Name);
        Assert.Contains("function:ghost", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal(404, Assert.Single(Server.Requests).StatusCode);
    }

    [Theory]
    [InlineData(400, "InvalidRequestContentException", "Could not parse request body into json")]
    [InlineData(413, "RequestTooLargeException", "Request must be smaller than 6291456 bytes for the InvokeFunction operation")]
    [InlineData(409, "ResourceConflictException", "The function is currently in the following state: Pending")]
    public async Task A_client_error_fails_with_the_lambda_exception_type(int status, string exceptionType, string message)
    {
        Server.AddFunction("picky").AnswersApiError(status, exceptionType, message);

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("picky"), CancellationToken.None));

        Assert.Equal(new(exceptionType, exceptionType, message), failed.Error);
    }

    [Fact]
    public async Task An_event_that_is_not_json_is_refused_by_lambda_as_invalid_request_content()
    {
        Server.AddFunction("strict");

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("strict", "{not json"), CancellationToken.None));

        Assert.Equal("InvalidRequestContentException", failed.Error.Type);
    }

    [Theory]
    [InlineData(500, "ServiceException")]
    [InlineData(502, "EC2ThrottledException")]
    [InlineData(503, "ServiceUnavailableException")]
    public async Task A_lambda_service_error_fails_as_lambda_service_error_naming_the_exception(int status, string exceptionType)
    {
        Server.AddFunction("unlucky").AnswersApiError(status, exceptionType, "Lambda is having a bad day");

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("unlucky"), CancellationToken.None));

        Assert.Equal(new(LambdaErrorTypes.LambdaServiceError, exceptionType, "Lambda is having a bad day"), failed.Error);
    }

    [Fact]
    public async Task A_service_error_without_an_exception_type_is_named_by_its_status()
    {
        Server.AddFunction("odd").Responds(_ => new FakeLambdaResponse(504, "upstream timed out"));

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("odd"), CancellationToken.None));

        Assert.Equal(new(LambdaErrorTypes.LambdaServiceError, "HTTP 504", "upstream timed out"), failed.Error);
    }

    [Fact]
    public async Task No_answer_within_the_time_limit_plus_the_margin_fails_as_timeout()
    {
        Server.AddFunction("slow").Delays(TimeSpan.FromSeconds(30));
        var started = DateTimeOffset.UtcNow;

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("slow", timeout: TimeSpan.FromMilliseconds(200)), CancellationToken.None));

        Assert.Equal(LambdaErrorTypes.Timeout, failed.Error.Type);
        var waited = DateTimeOffset.UtcNow - started;
        Assert.InRange(waited, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_answer_within_the_margin_is_still_taken()
    {
        Server.AddFunction("late").Delays(TimeSpan.FromMilliseconds(300)).Returns("\"late\"");
        var invoker = new LambdaFunctionInvoker(Http, Options() with { TimeoutMargin = TimeSpan.FromSeconds(5) });

        var outcome = await invoker.InvokeAsync(Request("late", timeout: TimeSpan.FromMilliseconds(100)), CancellationToken.None);

        Assert.Equal("\"late\"", Assert.IsType<InvocationSucceeded>(outcome).ResultJson);
    }

    [Fact]
    public async Task An_unreachable_endpoint_fails_as_invocation_failed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var invoker = new LambdaFunctionInvoker(Http, Options() with { Endpoint = new Uri($"http://127.0.0.1:{port}") });

        var failed = AssertFailed(await invoker.InvokeAsync(Request("anything"), CancellationToken.None));

        Assert.Equal(LambdaErrorTypes.InvocationFailed, failed.Error.Type);
        Assert.Contains($"127.0.0.1:{port}", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shutdown_abandons_the_call_instead_of_reporting_an_outcome()
    {
        Server.AddFunction("slow").Delays(TimeSpan.FromSeconds(30));
        using var shutdown = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Invoker().InvokeAsync(Request("slow", timeout: TimeSpan.FromSeconds(20)), shutdown.Token));
    }

    [Fact]
    public async Task The_function_name_comes_from_the_requests_function()
    {
        Server.AddFunction("first").Returns("1");
        Server.AddFunction("second").Returns("2");

        var outcome = await Invoker().InvokeAsync(Request("second"), CancellationToken.None);

        Assert.Equal("2", Assert.IsType<InvocationSucceeded>(outcome).ResultJson);
        Assert.Empty(Server.FindFunction("first")!.Events);
    }
}
