namespace Tasks.TestSupport.Lambda;

/// <summary>One request the fake Lambda received, and how it answered.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The decoded path.</param>
/// <param name="RawTarget">The target as received (percent-encoded, with the query).</param>
/// <param name="Headers">The headers (names case-insensitive, repeated values joined with <c>,</c>).</param>
/// <param name="Body">The body as UTF-8 text.</param>
/// <param name="SignatureValid">Whether the SigV4 signature (and session token) held.</param>
/// <param name="Rejection">Why the signature was refused, when it was.</param>
/// <param name="StatusCode">The status the fake answered.</param>
public sealed record RecordedLambdaRequest(
    string Method,
    string Path,
    string RawTarget,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    bool SignatureValid,
    string? Rejection,
    int StatusCode)
{
    /// <summary>A header's value, or null.</summary>
    /// <param name="name">The header name (any case).</param>
    /// <returns>The value.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
