using System.Buffers;
using System.Text.Json;

namespace Tasks.GraphQL.Execution.Results;

/// <summary>
/// Pooled bytes holding the JSON of leaf values whose scalars serialize themselves (custom scalars, DateTime, JSON...).
/// A scalar is serialized while its field completes, so a value it cannot represent is a field error at the right time,
/// and its bytes are copied to the response when the enclosing object is written.
/// </summary>
internal sealed class LeafArena(JsonWriterOptions options) : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer = [];
    private int written;
    private Utf8JsonWriter? writer;

    /// <summary>Serializes one value; returns its offset and length, or throws what the scalar threw (the arena is left as before).</summary>
    public (int Offset, int Length) Write(TypeSystem.ScalarType scalar, object value)
    {
        var start = written;
        writer ??= new Utf8JsonWriter(this, options);
        writer.Reset(this);
        try
        {
            scalar.Serialize(writer, value);
            writer.Flush();
            // The bytes are later copied into the response unchecked, so they must be exactly one complete JSON value.
            if (writer.BytesCommitted == 0 || writer.CurrentDepth != 0)
            {
                throw new InvalidOperationException($"The scalar {scalar.Name} did not write one complete JSON value.");
            }
        }
        catch
        {
            written = start;
            throw;
        }

        return (start, written - start);
    }

    public ReadOnlySpan<byte> Read(int offset, int length) => buffer.AsSpan(offset, length);

    public void Advance(int count) => written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(written);
    }

    public void Dispose()
    {
        writer?.Dispose();
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 256);
        if (needed <= buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, written).CopyTo(larger);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        buffer = larger;
    }
}
