using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Tasks.Api.Authentication;
using Tasks.Api.Health;
using Tasks.Api.Hosting;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// The task service itself, composed as <c>src/Tasks.Api/Program.cs</c> composes it (the same registration,
/// middleware and endpoints, environment Production), listening with Kestrel on a free loopback port in this
/// process, so that requests really cross HTTP/1.1 over TCP. Tokens are HS256 JWTs signed with a bench key.
/// </summary>
internal sealed class ApiServiceHost : IAsyncDisposable
{
    /// <summary>The HS256 secret the service checks tokens with (any 32+ bytes will do).</summary>
    public const string SigningKey = "tasks-bench-signing-key-of-at-least-32-bytes";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How often the warm-up looks at the JIT, and how few methods it may compile in that time to count as settled.</summary>
    private static readonly TimeSpan JitWindow = TimeSpan.FromSeconds(2);
    private const long SettledMethodsPerWindow = 100;

    private readonly WebApplication app;

    private ApiServiceHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Token = DevelopmentTokens.Create(new AuthOptions { SigningKey = SigningKey }, "bench", Permissions.All, TimeSpan.FromHours(2));
    }

    public Uri BaseAddress { get; }

    /// <summary>A bearer token with every permission, for user <c>bench</c>.</summary>
    public string Token { get; }

    /// <summary>The service's own container (its projection daemon, data source, ...).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>
    /// The connection string the service gets: the bench's server and credentials, <paramref name="database"/>, and
    /// BENCH_NPGSQL if set. Pool settings are the service's own (<c>EventStoreDataSource.Create</c>), not the bench's.
    /// </summary>
    public static string ConnectionStringFor(BenchSettings settings, string database)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = database };
        return string.IsNullOrWhiteSpace(settings.ExtraConnectionSettings)
            ? builder.ConnectionString
            : new NpgsqlConnectionStringBuilder(builder.ConnectionString + ";" + settings.ExtraConnectionSettings) { Database = database }.ConnectionString;
    }

    /// <summary>Starts the service on <paramref name="connectionString"/> (and <paramref name="settings"/>, if any) and waits until <c>/health/ready</c> answers 200.</summary>
    public static async Task<ApiServiceHost> StartAsync(string connectionString, TextWriter output, CancellationToken cancellationToken, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var port = FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            // The service's appsettings.json is copied next to the bench (the project reference brings it).
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Auth:SigningKey"] = SigningKey,
            // Nothing logs per request at Information; this only keeps start-up chatter out of the bench output.
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));

        // From here on, exactly what Program.cs does (bar the development banner, which prints nothing in Production).
        builder.Services.AddTaskService(builder.Configuration, builder.Environment);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = GraphQLEndpoint.MaxRequestBytes);
        var app = builder.Build();
        app.UseWebSockets();
        app.UseAuthentication();
        app.UseTokenRequirement(GraphQLEndpoint.Path);
        app.MapHealth();
        app.MapTaskGraphQL();

        var clock = Stopwatch.StartNew();
        await app.StartAsync(cancellationToken);
        var host = new ApiServiceHost(app, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  service (Tasks.Api composition, Production) on {host.BaseAddress}: ready after {clock.Elapsed.TotalSeconds:0.0} s"));
        return host;
    }

    /// <summary>An HTTP/1.1 keep-alive client with up to <paramref name="connections"/> connections, sending the token.</summary>
    public HttpClient CreateClient(int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    /// <summary>A GraphQL-over-HTTP request body: the query and its variables (already JSON).</summary>
    public static string Body(string query, string variablesJson) =>
        string.Concat("{\"query\":", Json(query), ",\"variables\":", variablesJson, "}");

    /// <summary>A JSON string literal.</summary>
    public static string Json(string text) => string.Concat("\"", JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(), "\"");

    /// <summary>POSTs <paramref name="body"/> to <c>/graphql</c> and returns the response text; anything but 200 fails the run.</summary>
    public static async Task<string> PostAsync(HttpClient client, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(GraphQLEndpoint.Path, UriKind.Relative), content, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? text
            : throw new BenchmarkFailedException($"POST {GraphQLEndpoint.Path} answered {(int)response.StatusCode}: {Shorten(text)}");
    }

    /// <summary>Registers a function tasks can name (<c>createFunction</c>), unless it exists already.</summary>
    public static async Task CreateFunctionAsync(HttpClient client, string name, CancellationToken cancellationToken)
    {
        const string Mutation = "mutation($input: CreateFunctionInput!) { createFunction(input: $input) { function { name } errors { code message } } }";
        var variables = string.Concat("{\"input\":{\"name\":", Json(name), ",\"entryPoint\":\"index.handler\",\"runtime\":\"nodejs22.x\"}}");
        var response = await PostAsync(client, Body(Mutation, variables), cancellationToken);
        using var document = JsonDocument.Parse(response);
        var payload = document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data.GetProperty("createFunction") : default;
        var created = payload.ValueKind == JsonValueKind.Object && payload.GetProperty("function").ValueKind == JsonValueKind.Object;
        var exists = payload.ValueKind == JsonValueKind.Object && payload.GetProperty("errors").EnumerateArray().Any(e => e.GetProperty("code").GetString() == "ALREADY_EXISTS");
        if (!created && !exists)
        {
            throw new BenchmarkFailedException($"createFunction {name} failed: {Shorten(response)}");
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> from <paramref name="workers"/> loops, untimed, until the JIT has settled: fewer
    /// than 100 methods compiled in 2 s (at least <paramref name="minimum"/>, at most <paramref name="maximum"/>).
    /// The service and its client are a lot of code; on two shared cores, tiering it up to optimized code took 40 s
    /// of load, during which the tiering thread used a third of the process's CPU. The service runs for days at that level.
    /// </summary>
    /// <returns>What the warm-up did, for the output.</returns>
    public static async Task<string> WarmUpAsync(int workers, Func<int, CancellationToken, Task> operation, TimeSpan minimum, TimeSpan maximum, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        long requests = 0;
        var loops = Enumerable.Range(0, workers).Select(worker => Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    await operation(worker, cancellationToken);
                    Interlocked.Increment(ref requests);
                }
            },
            CancellationToken.None)).ToArray();
        var all = Task.WhenAll(loops);
        var clock = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var lastWindow = long.MaxValue;
        try
        {
            while (!all.IsCompleted)
            {
                await Task.WhenAny(all, Task.Delay(JitWindow, cancellationToken));
                var now = System.Runtime.JitInfo.GetCompiledMethodCount();
                lastWindow = now - compiled;
                compiled = now;
                if ((clock.Elapsed >= minimum && lastWindow < SettledMethodsPerWindow) || clock.Elapsed >= maximum)
                {
                    break;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        await all;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"warm-up (untimed): {clock.Elapsed.TotalSeconds:0} s, {requests:N0} requests, until the JIT compiled {lastWindow:N0} methods in {JitWindow.TotalSeconds:0} s (settled below {SettledMethodsPerWindow}; at most {maximum.TotalSeconds:0} s)");
    }

    public static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }, disposeHandler: true) { BaseAddress = BaseAddress };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < ReadyTimeout)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > ReadyTimeout)
            {
                throw new BenchmarkFailedException($"the service did not report ready within {ReadyTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
