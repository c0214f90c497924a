using System.Text;
using Amazon.Runtime;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.TestSupport.Lambda;

namespace Tasks.Dispatcher.Tests.Lambda;

public sealed class LambdaSigningTests : LambdaTestKit
{
    [Fact]
    public async Task A_wrong_secret_key_is_refused_by_the_server_and_the_function_never_runs()
    {
        var function = Server.AddFunction("guarded").Returns("1");
        var wrong = new BasicAWSCredentials(Server.Options.AccessKeyId, "not-the-secret");

        var failed = AssertFailed(await Invoker(wrong).InvokeAsync(Request("guarded"), CancellationToken.None));

        Assert.Equal("InvalidSignatureException", failed.Error.Type);
        Assert.Contains("signature we calculated does not match", failed.Error.Message, StringComparison.Ordinal);
        var recorded = Assert.Single(Server.Requests);
        Assert.False(recorded.SignatureValid);
        Assert.Equal(403, recorded.StatusCode);
        Assert.Empty(function.Events);
    }

    [Fact]
    public async Task An_unknown_access_key_is_refused_as_an_unrecognized_client()
    {
        Server.AddFunction("guarded");
        var stranger = new BasicAWSCredentials("AKIASTRANGER00000000", Server.Options.SecretAccessKey);

        var failed = AssertFailed(await Invoker(stranger).InvokeAsync(Request("guarded"), CancellationToken.None));

        Assert.Equal("UnrecognizedClientException", failed.Error.Type);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public async Task A_request_signed_more_than_five_minutes_off_the_server_clock_is_refused(int minutes)
    {
        Server.AddFunction("guarded");
        var skewed = new ShiftedTimeProvider(TimeSpan.FromMinutes(minutes));

        var failed = AssertFailed(await Invoker(time: skewed).InvokeAsync(Request("guarded"), CancellationToken.None));

        Assert.Equal("InvalidSignatureException", failed.Error.Type);
        Assert.Contains("Signature expired", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_signed_four_minutes_off_the_server_clock_is_accepted()
    {
        Server.AddFunction("guarded").Returns("1");
        var skewed = new ShiftedTimeProvider(TimeSpan.FromMinutes(-4));

        var outcome = await Invoker(time: skewed).InvokeAsync(Request("guarded"), CancellationToken.None);

        Assert.IsType<InvocationSucceeded>(outcome);
    }

    [Fact]
    public async Task A_request_signed_for_another_region_is_refused()
    {
        Server.AddFunction("guarded");
        var invoker = new LambdaFunctionInvoker(Http, Options() with { Region = "eu-west-3" });

        var failed = AssertFailed(await invoker.InvokeAsync(Request("guarded"), CancellationToken.None));

        Assert.Equal("InvalidSignatureException", failed.Error.Type);
        Assert.Contains("Credential scope", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signature_replayed_over_another_body_is_refused()
    {
        var function = Server.AddFunction("guarded");
        await Invoker().InvokeAsync(Request("guarded", """{"amount":1}"""), CancellationToken.None);
        var signed = Assert.Single(Server.Requests);

        using var replay = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.Endpoint, signed.Path));
        replay.Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"amount":1000}"""));
        foreach (var name in new[] { "Authorization", "X-Amz-Date", "X-Amz-Invocation-Type", "X-Amz-Log-Type" })
        {
            replay.Headers.TryAddWithoutValidation(name, signed.Header(name));
        }

        replay.Content.Headers.TryAddWithoutValidation("Content-Type", signed.Header("Content-Type"));
        using var response = await Http.SendAsync(replay);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal(["""{"amount":1}"""], function.Events);
    }

    [Fact]
    public async Task A_request_without_authorization_is_refused()
    {
        Server.AddFunction("guarded");

        using var content = new StringContent("{}");
        using var response = await Http.PostAsync(new Uri(Server.Endpoint, "/2015-03-31/functions/guarded/invocations"), content);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal("InvalidSignatureException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Empty(Server.FindFunction("guarded")!.Events);
    }

    [Fact]
    public async Task A_function_name_with_reserved_characters_is_escaped_and_its_path_signed_encoded_twice()
    {
        // Lambda also accepts qualified names and ARNs ("name:alias"); the path is escaped once, signed escaped twice.
        Server.AddFunction("resize:live").Returns("1");

        var outcome = await Invoker().InvokeAsync(Request("resize:live"), CancellationToken.None);

        Assert.IsType<InvocationSucceeded>(outcome);
        var recorded = Assert.Single(Server.Requests);
        Assert.Equal("/2015-03-31/functions/resize%3Alive/invocations", recorded.RawTarget);
        Assert.True(recorded.SignatureValid);
    }

    [Fact]
    public void The_verifier_reproduces_the_signature_of_the_aws_documentation_example()
    {
        // "Examples of the complete Signature Version 4 signing process": IAM ListUsers, 2015-08-30T12:36:00Z.
        var verifier = new SigV4Verifier("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "iam", TimeSpan.FromMinutes(5));
        KeyValuePair<string, string>[] headers =
        [
            new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
            new("Host", "iam.amazonaws.com"),
            new("X-Amz-Date", "20150830T123600Z"),
            new("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"),
        ];
        var at = new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

        var verification = verifier.Verify("GET", "/?Version=2010-05-08&Action=ListUsers", headers, [], at);

        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(
            "GET\n/\nAction=ListUsers&Version=2010-05-08\ncontent-type:application/x-www-form-urlencoded; charset=utf-8\nhost:iam.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            verification.CanonicalRequest);
        var tampered = headers.Select(h => h.Key == "Host" ? new KeyValuePair<string, string>("Host", "evil.example.com") : h);
        Assert.False(verifier.Verify("GET", "/?Version=2010-05-08&Action=ListUsers", tampered, [], at).IsValid);
    }
}

public sealed class LambdaSessionTokenTests : LambdaTestKit
{
    private const string Token = "FwoGZXIvYXdzEXAMPLE//session+token==";

    protected override FakeLambdaServerOptions ServerOptions => new() { SessionToken = Token };

    [Fact]
    public async Task Session_credentials_send_their_token_signed_and_the_server_accepts_it()
    {
        Server.AddFunction("guarded").Returns("1");
        var session = new SessionAWSCredentials(Server.Options.AccessKeyId, Server.Options.SecretAccessKey, Token);

        var outcome = await Invoker(session).InvokeAsync(Request("guarded"), CancellationToken.None);

        Assert.IsType<InvocationSucceeded>(outcome);
        var recorded = Assert.Single(Server.Requests);
        Assert.Equal(Token, recorded.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", recorded.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_session_token_is_refused()
    {
        Server.AddFunction("guarded");
        var session = new SessionAWSCredentials(Server.Options.AccessKeyId, Server.Options.SecretAccessKey, "stale-token");

        var failed = AssertFailed(await Invoker(session).InvokeAsync(Request("guarded"), CancellationToken.None));

        Assert.Equal("UnrecognizedClientException", failed.Error.Type);
    }

    [Fact]
    public async Task Long_term_credentials_without_the_token_are_refused()
    {
        Server.AddFunction("guarded");

        var failed = AssertFailed(await Invoker().InvokeAsync(Request("guarded"), CancellationToken.None));

        Assert.Equal("UnrecognizedClientException", failed.Error.Type);
        Assert.Null(Assert.Single(Server.Requests).Header("X-Amz-Security-Token"));
    }
}
