namespace Tasks.Domain.Functions;

/// <summary>Identifies a function's code zip, which is stored outside the events (they only name it).</summary>
/// <param name="Sha256Hex">The SHA-256 of the zip, as 64 hexadecimal digits.</param>
/// <param name="SizeBytes">The zip's size in bytes.</param>
public sealed record CodeReference(string Sha256Hex, long SizeBytes);
