using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tasks.GraphQL.Transport.ServerSentEvents;

/// <summary>
/// A <c>text/event-stream</c> response in the GraphQL over SSE protocol (distinct connections mode):
/// <c>event: next</c> per result, one <c>event: complete</c> at the end, and comment lines as keep-alives.
/// Writes are serialized because the keep-alive timer and the results share one response body.
/// </summary>
internal sealed class ServerSentEventStream : IAsyncDisposable
{
    private readonly PipeWriter body;
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly CancellationTokenSource stopKeepAlive;
    private readonly Task keepAlive;

    private ServerSentEventStream(HttpContext httpContext, TimeSpan? keepAliveInterval)
    {
        body = httpContext.Response.BodyWriter;
        stopKeepAlive = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        keepAlive = keepAliveInterval is { } interval ? KeepAliveAsync(interval, stopKeepAlive.Token) : Task.CompletedTask;
    }

    /// <summary>Sends the response headers at once, so the client sees the stream open before the first result.</summary>
    public static async Task<ServerSentEventStream> StartAsync(HttpContext httpContext, TimeSpan? keepAliveInterval)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GraphQLMediaTypes.EventStream + GraphQLMediaTypes.Utf8Suffix;
        response.Headers.CacheControl = "no-cache";
        // Reverse proxies such as nginx would otherwise hold events back in their buffers.
        response.Headers["X-Accel-Buffering"] = "no";
        httpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(httpContext.RequestAborted);
        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        return new ServerSentEventStream(httpContext, keepAliveInterval);
    }

    /// <summary>Writes <c>event: next</c> with one GraphQL response as its data.</summary>
    public async ValueTask WriteNextAsync(ReadOnlyMemory<byte> response, CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            WriteNextEvent(body, response.Span);
            await body.FlushAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    /// <summary>Writes the final <c>event: complete</c>.</summary>
    public async ValueTask WriteCompleteAsync(CancellationToken cancellationToken)
    {
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            // The empty data line matters: browsers' EventSource drops events that carry no data field.
            body.Write("event: complete\ndata:\n\n"u8);
            await body.FlushAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopKeepAlive.CancelAsync();
        await keepAlive;
        stopKeepAlive.Dispose();
        writeGate.Dispose();
    }

    private static void WriteNextEvent(PipeWriter writer, ReadOnlySpan<byte> json)
    {
        writer.Write("event: next\n"u8);
        // A line break ends a data line, so a response that holds any (indented JSON) goes out as several data
        // lines; the client joins them with '\n', which JSON reads as whitespace.
        while (true)
        {
            var lineEnd = json.IndexOfAny((byte)'\r', (byte)'\n');
            writer.Write("data: "u8);
            writer.Write(lineEnd < 0 ? json : json[..lineEnd]);
            writer.Write("\n"u8);
            if (lineEnd < 0)
            {
                break;
            }

            var skip = json[lineEnd] == '\r' && lineEnd + 1 < json.Length && json[lineEnd + 1] == '\n' ? 2 : 1;
            json = json[(lineEnd + skip)..];
        }

        writer.Write("\n"u8);
    }

    private async Task KeepAliveAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await writeGate.WaitAsync(cancellationToken);
                try
                {
                    // A comment line: EventSource ignores it, proxies see traffic and keep the connection open.
                    body.Write(":\n\n"u8);
                    await body.FlushAsync(cancellationToken);
                }
                finally
                {
                    writeGate.Release();
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The stream ended or the client left.
        }
    }
}
