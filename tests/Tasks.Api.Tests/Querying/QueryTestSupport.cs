using System.Globalization;
using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary>Small helpers for reading query responses and writing query text.</summary>
internal static class Gql
{
    /// <summary>An instant as the API accepts it, with every digit of its ticks (no rounding on the way in).</summary>
    public static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant a DateTime value names.</summary>
    public static DateTimeOffset Instant(JsonElement value) =>
        DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>The instant an RFC 3339 text names.</summary>
    public static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>A GraphQL string literal (JSON string syntax is valid GraphQL string syntax).</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text);

    /// <summary>A GraphQL list literal of strings.</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items.Select(Quote)) + "]";

    /// <summary>The <c>id</c> of every element of a JSON array of objects, in order.</summary>
    public static string[] Ids(JsonElement nodes) => [.. nodes.EnumerateArray().Select(n => n.GetProperty("id").GetString()!)];

    /// <summary>The strings of a JSON array, in order.</summary>
    public static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(n => n.GetString()!)];

    /// <summary>The single error of a response, asserting there is exactly one.</summary>
    public static JsonElement SingleError(GraphQLResponse response)
    {
        Assert.True(response.Errors.Count == 1, "expected exactly one error: " + response.Text);
        return response.Errors[0];
    }

    /// <summary>An extension of an error, or null.</summary>
    public static string? Extension(JsonElement error, string name) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty(name, out var value) ? value.ToString() : null;

    /// <summary>Asserts the response is one VALIDATION error whose <c>extensions.field</c> is <paramref name="field"/>; returns the error.</summary>
    public static JsonElement AssertValidation(GraphQLResponse response, string field)
    {
        var error = SingleError(response);
        Assert.True(Extension(error, "code") == "VALIDATION", "expected a VALIDATION error: " + response.Text);
        Assert.True(Extension(error, "field") == field, $"expected extensions.field '{field}': " + response.Text);
        return error;
    }

    /// <summary>Orders strings by code point (as the service's text and canonical UUIDs order).</summary>
    public static string[] Sorted(IEnumerable<string> items) => [.. items.Order(StringComparer.Ordinal)];
}
