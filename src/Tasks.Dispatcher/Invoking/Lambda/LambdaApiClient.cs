using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>Sends signed requests to the Lambda REST API (the plumbing the invoker and the deployer share).</summary>
internal sealed class LambdaApiClient
{
    public const string Service = "lambda";
    public const string ApiVersionPath = "/2015-03-31/functions";

    private readonly HttpClient httpClient;
    private readonly AWSCredentials? configuredCredentials;
    private readonly TimeProvider timeProvider;
    private readonly string baseAddress;
    private AWSCredentials? resolvedCredentials;

    public LambdaApiClient(HttpClient httpClient, LambdaInvokerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var completed = options.WithEnvironmentDefaults(Environment.GetEnvironmentVariable);
        this.httpClient = httpClient;
        this.timeProvider = timeProvider;
        configuredCredentials = completed.Credentials;
        Region = completed.ResolveRegion();
        Endpoint = completed.ResolveEndpoint();
        baseAddress = Endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public string Region { get; }

    public Uri Endpoint { get; }

    /// <summary>The path of one function's resource (the name escaped).</summary>
    public static string FunctionPath(string functionName) => $"{ApiVersionPath}/{Uri.EscapeDataString(functionName)}";

    /// <summary>Signs and sends one request; the caller disposes the response.</summary>
    /// <exception cref="HttpRequestException">Network failure.</exception>
    /// <exception cref="AmazonClientException">No credentials could be found.</exception>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        byte[]? body,
        IEnumerable<KeyValuePair<string, string>>? headers,
        CancellationToken cancellationToken)
    {
        var credentials = await GetCredentialsAsync().ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, new Uri(baseAddress + path, UriKind.Absolute));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        SigV4RequestSigner.Sign(request, body ?? [], credentials, Region, Service, timeProvider.GetUtcNow());
        return await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a JSON document built by <paramref name="write"/>.</summary>
    public Task<HttpResponseMessage> SendJsonAsync(
        HttpMethod method,
        string path,
        Action<Utf8JsonWriter> write,
        CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return SendAsync(method, path, buffer.ToArray(), null, cancellationToken);
    }

    private async Task<ImmutableCredentials> GetCredentialsAsync()
    {
        var source = configuredCredentials ?? resolvedCredentials;
        if (source is null)
        {
            // The default chain: environment, profiles, web identity, container and instance roles. Resolved once;
            // the credentials object refreshes temporary credentials itself.
            source = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).ConfigureAwait(false);
            resolvedCredentials = source;
        }

        return await source.GetCredentialsAsync().ConfigureAwait(false);
    }
}
