using Amazon.Runtime;

namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>
/// How to reach AWS Lambda: region, endpoint and credentials (shared by <see cref="LambdaFunctionInvoker"/> and
/// <see cref="LambdaDeployer"/>). Unset values come from the environment as the AWS SDKs take them, see
/// <see cref="WithEnvironmentDefaults(Func{string, string?})"/>.
/// </summary>
public sealed record LambdaInvokerOptions
{
    /// <summary>The AWS_ variable naming the region.</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>The older variable naming the region, read when <see cref="RegionVariable"/> is unset.</summary>
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

    /// <summary>The variable overriding the Lambda endpoint only.</summary>
    public const string LambdaEndpointVariable = "AWS_ENDPOINT_URL_LAMBDA";

    /// <summary>The variable overriding the endpoint of every AWS service (read after <see cref="LambdaEndpointVariable"/>).</summary>
    public const string EndpointVariable = "AWS_ENDPOINT_URL";

    /// <summary>The variable that, when <c>true</c>, makes the SDKs ignore the endpoint variables.</summary>
    public const string IgnoreEndpointVariablesVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>The AWS region (e.g. <c>eu-west-1</c>); the signing region too.</summary>
    public string? Region { get; init; }

    /// <summary>The Lambda API's base address; <c>https://lambda.{Region}.amazonaws.com</c> when unset.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Explicit credentials (tests, special set-ups); the SDK's default chain when unset (environment, profile, web identity, container and instance roles).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>How much longer than the function's own time limit to wait for Lambda's answer before giving up (network and start-up time).</summary>
    public TimeSpan TimeoutMargin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a throttled invocation waits when Lambda sends no <c>Retry-After</c>.</summary>
    public TimeSpan ThrottleBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A copy with <see cref="Region"/> and <see cref="Endpoint"/> filled from environment variables where unset:
    /// the region from <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>; the endpoint from <c>AWS_ENDPOINT_URL_LAMBDA</c>,
    /// then <c>AWS_ENDPOINT_URL</c>, unless <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> is <c>true</c>.
    /// </summary>
    /// <param name="getVariable">Reads one variable (<see cref="Environment.GetEnvironmentVariable(string)"/> normally).</param>
    /// <returns>The completed options; explicit values win.</returns>
    /// <exception cref="FormatException">An endpoint variable is not an absolute http(s) URL.</exception>
    public LambdaInvokerOptions WithEnvironmentDefaults(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var region = Region ?? NonEmpty(getVariable(RegionVariable)) ?? NonEmpty(getVariable(DefaultRegionVariable));
        var endpoint = Endpoint;
        if (endpoint is null
            && !string.Equals(NonEmpty(getVariable(IgnoreEndpointVariablesVariable))?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            var configured = NonEmpty(getVariable(LambdaEndpointVariable)) ?? NonEmpty(getVariable(EndpointVariable));
            if (configured is not null)
            {
                endpoint = ParseEndpoint(configured);
            }
        }

        return this with { Region = region, Endpoint = endpoint };
    }

    /// <summary>The endpoint to call: <see cref="Endpoint"/>, or the region's public one.</summary>
    /// <returns>The base address.</returns>
    /// <exception cref="InvalidOperationException">Neither an endpoint nor a region is set.</exception>
    public Uri ResolveEndpoint() =>
        Endpoint ?? new Uri($"https://lambda.{ResolveRegion()}.amazonaws.com", UriKind.Absolute);

    /// <summary>The region to sign for.</summary>
    /// <returns><see cref="Region"/>.</returns>
    /// <exception cref="InvalidOperationException">No region is set.</exception>
    public string ResolveRegion() =>
        Region ?? throw new InvalidOperationException(
            $"No AWS region is configured for Lambda: set {RegionVariable} or the Lambda region setting.");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri ParseEndpoint(string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return uri;
        }

        throw new FormatException($"The Lambda endpoint '{value}' is not an absolute http(s) URL.");
    }
}
