using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Lambda;

namespace Tasks.Dispatcher.Tests.Lambda;

public sealed class LambdaInvokerOptionsTests : LambdaTestKit
{
    // The process environment is shared by parallel tests: these pass a lookup instead of setting variables.
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public async Task The_lambda_endpoint_variable_points_the_invoker_at_another_endpoint()
    {
        Server.AddFunction("local").Returns("\"from the override\"");
        var options = new LambdaInvokerOptions { Credentials = ServerCredentials }.WithEnvironmentDefaults(Environment(
            ("AWS_REGION", Server.Options.Region),
            ("AWS_ENDPOINT_URL_LAMBDA", Server.Endpoint.ToString())));
        var invoker = new LambdaFunctionInvoker(Http, options);

        var outcome = await invoker.InvokeAsync(Request("local"), CancellationToken.None);

        Assert.Equal(Server.Endpoint, invoker.Endpoint);
        Assert.Equal("\"from the override\"", Assert.IsType<InvocationSucceeded>(outcome).ResultJson);
    }

    [Fact]
    public void The_lambda_endpoint_variable_wins_over_the_general_one()
    {
        var options = new LambdaInvokerOptions().WithEnvironmentDefaults(Environment(
            ("AWS_ENDPOINT_URL", "http://general.example:4566"),
            ("AWS_ENDPOINT_URL_LAMBDA", "http://lambda.example:9001")));

        Assert.Equal(new Uri("http://lambda.example:9001"), options.Endpoint);
    }

    [Fact]
    public void The_general_endpoint_variable_is_used_when_there_is_no_lambda_one()
    {
        var options = new LambdaInvokerOptions().WithEnvironmentDefaults(Environment(("AWS_ENDPOINT_URL", "http://localstack:4566")));

        Assert.Equal(new Uri("http://localstack:4566"), options.Endpoint);
    }

    [Fact]
    public void A_configured_endpoint_wins_over_the_variables()
    {
        var configured = new Uri("https://lambda.internal.example");

        var options = new LambdaInvokerOptions { Endpoint = configured }.WithEnvironmentDefaults(Environment(("AWS_ENDPOINT_URL_LAMBDA", "http://other:1")));

        Assert.Equal(configured, options.Endpoint);
    }

    [Fact]
    public void Endpoint_variables_are_ignored_when_the_sdk_switch_says_so()
    {
        var options = new LambdaInvokerOptions().WithEnvironmentDefaults(Environment(
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL_LAMBDA", "http://other:1"),
            ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")));

        Assert.Null(options.Endpoint);
        Assert.Equal(new Uri("https://lambda.eu-west-1.amazonaws.com"), options.ResolveEndpoint());
    }

    [Fact]
    public void Without_an_override_the_endpoint_is_the_regions_public_one()
    {
        var options = new LambdaInvokerOptions { Region = "ap-southeast-2" }.WithEnvironmentDefaults(Environment());

        Assert.Null(options.Endpoint);
        Assert.Equal(new Uri("https://lambda.ap-southeast-2.amazonaws.com"), options.ResolveEndpoint());
    }

    [Fact]
    public void The_invoker_signs_for_the_configured_region_at_the_configured_endpoint()
    {
        var invoker = new LambdaFunctionInvoker(Http, Options() with { Region = "ap-southeast-2" });

        Assert.Equal("ap-southeast-2", invoker.Region);
        Assert.Equal(Server.Endpoint, invoker.Endpoint);
    }

    [Fact]
    public void The_region_comes_from_aws_region_then_aws_default_region_and_configuration_wins()
    {
        Assert.Equal("eu-north-1", new LambdaInvokerOptions().WithEnvironmentDefaults(Environment(("AWS_REGION", "eu-north-1"), ("AWS_DEFAULT_REGION", "us-west-2"))).Region);
        Assert.Equal("us-west-2", new LambdaInvokerOptions().WithEnvironmentDefaults(Environment(("AWS_DEFAULT_REGION", "us-west-2"))).Region);
        Assert.Equal("sa-east-1", new LambdaInvokerOptions { Region = "sa-east-1" }.WithEnvironmentDefaults(Environment(("AWS_REGION", "eu-north-1"))).Region);
    }

    [Fact]
    public void Without_any_region_nothing_can_be_signed()
    {
        var options = new LambdaInvokerOptions().WithEnvironmentDefaults(Environment());

        Assert.Throws<InvalidOperationException>(options.ResolveRegion);
    }

    [Fact]
    public void An_endpoint_variable_that_is_not_an_http_url_is_refused()
    {
        Assert.Throws<FormatException>(() => new LambdaInvokerOptions().WithEnvironmentDefaults(Environment(("AWS_ENDPOINT_URL_LAMBDA", "localhost:4566"))));
    }
}
