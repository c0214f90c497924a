using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tasks.Benchmarks.Results;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// <c>graphql-http</c>: requests per second of a trivial query over HTTP/1.1 with 32 keep-alive
/// connections, against Kestrel on loopback. Ceiling: a minimal ASP.NET Core endpoint on the same
/// server returning the same response bytes, measured in alternating slices in the same run.
/// </summary>
internal static class GraphQLHttpScenario
{
    public const string Name = "graphql-http";

    private const int Connections = 32;

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSingleton<IRequestExecutor>(GraphQLFixture.CreateExecutor());
        await using var app = builder.Build();
        var body = """{"query":"{ hello count enabled }"}""";
        var expected = """{"data":{"hello":"world","count":42,"enabled":true}}""";
        var expectedBytes = Encoding.UTF8.GetBytes(expected);
        app.MapGraphQL("/graphql");
        app.MapPost("/baseline", async (HttpContext http) =>
        {
            // Read the body as a GraphQL server must, then answer with the same bytes.
            using var reader = new StreamReader(http.Request.Body);
            await reader.ReadToEndAsync(http.RequestAborted);
            http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
            await http.Response.Body.WriteAsync(expectedBytes, http.RequestAborted);
        });
        await app.StartAsync(cancellationToken);
        try
        {
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Connections, UseProxy = false };
            using var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var check = await SendAsync(client, "/graphql", body, cancellationToken);
            if (check != expected)
            {
                throw new BenchmarkFailedException($"graphql-http: unexpected response {check}");
            }

            var slice = TimeSpan.FromSeconds(Math.Max(1, context.Settings.Measured.TotalSeconds / context.Settings.Rounds));
            await LoadAsync(client, "/graphql", body, TimeSpan.FromSeconds(2), cancellationToken);
            await LoadAsync(client, "/baseline", body, TimeSpan.FromSeconds(1), cancellationToken);
            var graphql = new List<double>();
            var baseline = new List<double>();
            for (var round = 0; round < context.Settings.Rounds; round++)
            {
                if (round % 2 == 0)
                {
                    graphql.Add(await LoadAsync(client, "/graphql", body, slice, cancellationToken));
                    baseline.Add(await LoadAsync(client, "/baseline", body, slice, cancellationToken));
                }
                else
                {
                    baseline.Add(await LoadAsync(client, "/baseline", body, slice, cancellationToken));
                    graphql.Add(await LoadAsync(client, "/graphql", body, slice, cancellationToken));
                }
            }

            var ratios = string.Join(" ", graphql.Zip(baseline, (g, b) => (g / b).ToString("0.000", CultureInfo.InvariantCulture)));
            await context.Output.WriteLineAsync($"  ratio per round {ratios}");
            return ScenarioResult.Against(
                Name,
                graphql.Average(),
                "requests/s",
                baseline.Average(),
                "a minimal ASP.NET Core POST endpoint on the same Kestrel server that reads the body and writes the same response bytes; same client, 32 connections, alternating slices",
                string.Create(CultureInfo.InvariantCulture, $"POST application/json {body}, 32 keep-alive HTTP/1.1 connections from an in-process HttpClient (client and server share the 2 cores); target ratio >= 0.7; ratio per round {ratios}"));
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<double> LoadAsync(HttpClient client, string path, string body, TimeSpan duration, CancellationToken cancellationToken)
    {
        long completed = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, Connections).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await SendAsync(client, path, body, cancellationToken);
                Interlocked.Increment(ref completed);
            }
        });
        await Task.WhenAll(workers);
        return completed / clock.Elapsed.TotalSeconds;
    }

    private static async Task<string> SendAsync(HttpClient client, string path, string body, CancellationToken cancellationToken)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new BenchmarkFailedException($"{path} answered {(int)response.StatusCode}");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
