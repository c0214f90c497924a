using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tasks.GraphQL.Transport;

/// <summary>The JSON settings every part of the transport shares.</summary>
internal static class TransportJson
{
    /// <summary>
    /// Compact output, so Server-Sent Events frame one result per <c>data:</c> line. Escaping is JSON's minimum (as
    /// JSON.stringify does) rather than HTML-safe: every response goes out as JSON or an event stream, never inside
    /// HTML, and error messages stay readable (<c>'query'</c>, not <c>\u0027query\u0027</c>).
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Strict RFC 8259 input with the default nesting limit, so hostile bodies stay cheap to reject.</summary>
    public static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };
}
