using System.Net;
using System.Text.Json;

namespace Tasks.Api.Tests.Support;

/// <summary>One GraphQL response: the status, the parsed body and its text (for assertion messages).</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, JsonElement Body, string Text)
{
    /// <summary>The <c>data</c> member.</summary>
    public JsonElement Data => Body.GetProperty("data");

    /// <summary>The errors, or none.</summary>
    public IReadOnlyList<JsonElement> Errors =>
        Body.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateArray()] : [];

    /// <summary>The data at a dotted path, asserting that the response has no errors.</summary>
    public JsonElement At(string path)
    {
        Assert.True(Errors.Count == 0, "unexpected errors: " + Text);
        var element = Data;
        foreach (var part in path.Split('.'))
        {
            element = int.TryParse(part, out var index) ? element[index] : element.GetProperty(part);
        }

        return element;
    }

    /// <summary>The codes of the errors, in order.</summary>
    public IReadOnlyList<string?> ErrorCodes =>
        [.. Errors.Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString() : null)];
}
