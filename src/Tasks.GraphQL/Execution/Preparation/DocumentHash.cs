using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>The SHA-256 of a document's text: the document cache's key, so the cache never holds request text as keys.</summary>
internal readonly record struct DocumentHash(ulong First, ulong Second, ulong Third, ulong Fourth)
{
    public static DocumentHash Of(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        // The UTF-16 bytes as they are: hashing needs no encoding step, only the same text giving the same key.
        SHA256.HashData(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return new(
            BinaryPrimitives.ReadUInt64LittleEndian(hash),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(hash[24..]));
    }
}
