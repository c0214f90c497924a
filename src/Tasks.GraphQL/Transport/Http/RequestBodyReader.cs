using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Tasks.GraphQL.Transport.Http;

/// <summary>A request body read whole into a pooled buffer, so it can be parsed as one JSON document.</summary>
internal sealed class BufferedRequestBody : IDisposable
{
    private byte[]? buffer;

    public BufferedRequestBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlyMemory<byte> Content => (buffer ?? throw new ObjectDisposedException(nameof(BufferedRequestBody))).AsMemory(0, Length);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref buffer, null) is { } rented)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}

/// <summary>Reads a request body up to a size limit, refusing larger ones without buffering them.</summary>
internal static class RequestBodyReader
{
    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async ValueTask<BufferedRequestBody?> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            if (result.IsCanceled)
            {
                throw new OperationCanceledException("Reading the request body was cancelled.", cancellationToken);
            }

            var content = result.Buffer;
            if (content.Length > maxBytes)
            {
                reader.AdvanceTo(content.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var length = (int)content.Length;
                var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
                content.CopyTo(buffer);
                reader.AdvanceTo(content.End);
                return new BufferedRequestBody(buffer, length);
            }

            // Keep everything buffered in the pipe until the body ends.
            reader.AdvanceTo(content.Start, content.End);
        }
    }
}
