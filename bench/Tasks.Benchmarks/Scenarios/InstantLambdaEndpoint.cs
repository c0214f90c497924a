using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// A stand-in for AWS Lambda's Invoke API on loopback: <c>POST /2015-03-31/functions/{name}/invocations</c> answers
/// <c>{}</c> at once (200, no function error), so the dispatcher's real <c>LambdaFunctionInvoker</c> (SigV4 signing,
/// HTTP/1.1 over TCP, response mapping) runs against a function that takes no time. It is a load target, not a test:
/// signatures are not checked. It records each invocation's task id (to prove every task ran exactly once) and,
/// when asked, when it arrived and the task's <c>startTimestamp</c> from the event JSON.
/// </summary>
internal sealed class InstantLambdaEndpoint : IAsyncDisposable
{
    private static readonly byte[] Answer = "{}"u8.ToArray();

    private readonly WebApplication app;
    private readonly bool recordArrivals;
    private long invocations;

    private InstantLambdaEndpoint(WebApplication app, Uri address, bool recordArrivals)
    {
        this.app = app;
        Address = address;
        this.recordArrivals = recordArrivals;
    }

    /// <summary>The base address to give the invoker as its Lambda endpoint.</summary>
    public Uri Address { get; }

    /// <summary>Invocations answered so far.</summary>
    public long Invocations => Interlocked.Read(ref invocations);

    /// <summary>How many times each task was invoked.</summary>
    public ConcurrentDictionary<Guid, int> InvocationsPerTask { get; } = new();

    /// <summary>When each task's first invocation arrived, and the start time its event carried (only with arrivals recorded).</summary>
    public ConcurrentDictionary<Guid, (DateTimeOffset Arrived, DateTimeOffset StartTimestamp)> Arrivals { get; } = new();

    /// <summary>Starts the endpoint on a free loopback port.</summary>
    public static async Task<InstantLambdaEndpoint> StartAsync(bool recordArrivals, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var endpoint = new InstantLambdaEndpoint(app, new Uri($"http://127.0.0.1:{port}"), recordArrivals);
        app.MapPost("/2015-03-31/functions/{name}/invocations", endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext http)
    {
        // The arrival is taken before anything else, so the latency includes no work of this endpoint's.
        var arrived = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        if (TaskField(body, "id") is { } idText && Guid.TryParse(idText, out var taskId))
        {
            InvocationsPerTask.AddOrUpdate(taskId, 1, (_, n) => n + 1);
            if (recordArrivals
                && TaskField(body, "startTimestamp") is { } startText
                && DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
            {
                Arrivals.TryAdd(taskId, (arrived, start));
            }
        }

        Interlocked.Increment(ref invocations);
        http.Response.ContentType = "application/json";
        await http.Response.Body.WriteAsync(Answer, http.RequestAborted);
    }

    // The event is {"data":...,"task":{"id":"…",...,"startTimestamp":"…",...}}: the fields are read after "task", so the
    // task's data (whatever it holds) cannot be mistaken for them.
    private static string? TaskField(string body, string name)
    {
        var task = body.LastIndexOf("\"task\":{", StringComparison.Ordinal);
        if (task < 0)
        {
            return null;
        }

        var key = "\"" + name + "\":\"";
        var at = body.IndexOf(key, task, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var from = at + key.Length;
        var to = body.IndexOf('"', from);
        return to < 0 ? null : body[from..to];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
