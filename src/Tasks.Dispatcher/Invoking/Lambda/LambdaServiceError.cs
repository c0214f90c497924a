using System.Net;
using System.Text.Json;

namespace Tasks.Dispatcher.Invoking.Lambda;

/// <summary>A Lambda API error answer: the exception type (e.g. <c>ResourceNotFoundException</c>) and its message.</summary>
internal sealed record LambdaServiceError(HttpStatusCode StatusCode, string? Type, string Message)
{
    public const string ErrorTypeHeader = "x-amzn-ErrorType";

    /// <summary>The exception type, or <c>HTTP {status}</c> when Lambda named none.</summary>
    public string TypeOrStatus => Type ?? $"HTTP {(int)StatusCode}";

    /// <summary>Reads the type from <c>x-amzn-ErrorType</c> (then the body's <c>__type</c>, <c>code</c> or <c>Type</c>) and the message from the body.</summary>
    public static LambdaServiceError Parse(HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        string? type = null;
        if (response.Headers.TryGetValues(ErrorTypeHeader, out var values))
        {
            type = CleanType(values.FirstOrDefault());
        }

        string? message = null;
        string? reason = null;
        var json = LambdaJson.TryParseObject(body);
        if (json is { } root)
        {
            type ??= CleanType(LambdaJson.GetString(root, "__type") ?? LambdaJson.GetString(root, "code") ?? LambdaJson.GetString(root, "Type"));
            message = LambdaJson.GetString(root, "message") ?? LambdaJson.GetString(root, "Message") ?? LambdaJson.GetString(root, "errorMessage");
            reason = LambdaJson.GetString(root, "Reason");
        }
        else if (!string.IsNullOrWhiteSpace(body))
        {
            message = LambdaJson.Truncate(body.Trim());
        }

        message ??= $"Lambda answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        if (reason is not null)
        {
            message = $"{message} ({reason})";
        }

        return new LambdaServiceError(response.StatusCode, type, message);
    }

    // "ResourceNotFoundException:http://internal.amazon.com/…" and "com.amazon#ResourceNotFoundException" both name the type.
    private static string? CleanType(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var type = raw.Trim();
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        var hash = type.LastIndexOf('#');
        if (hash >= 0)
        {
            type = type[(hash + 1)..];
        }

        return type.Length == 0 ? null : type;
    }
}

/// <summary>Small JSON helpers over <see cref="JsonDocument"/> for Lambda's answers.</summary>
internal static class LambdaJson
{
    /// <summary>The longest message kept from an answer.</summary>
    public const int MaxMessageLength = 4096;

    public static JsonElement? TryParseObject(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? GetString(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static int? GetInt(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt32(out var number)
            ? number
            : null;

    public static string Truncate(string text) =>
        text.Length <= MaxMessageLength ? text : string.Concat(text.AsSpan(0, MaxMessageLength), "…");
}
