using System.Net.Http.Json;
using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

/// <summary>Assertions and shortcuts shared by the mutation, authorization and subscription tests.</summary>
public static class Payloads
{
    /// <summary>The selection of every mutation error field, for payloads' <c>errors</c>.</summary>
    public const string ErrorFields =
        "errors { __typename code message field ... on NotFoundError { entity } ... on AlreadyExistsError { entity } ... on IllegalStateError { currentStatus attemptedAction } }";

    /// <summary>Asserts that <paramref name="errors"/> holds exactly one error of the given type, code and field, and returns it.</summary>
    public static JsonElement SingleError(JsonElement errors, string typeName, string code, string? field)
    {
        var error = Assert.Single(errors.EnumerateArray());
        Assert.Equal(typeName, error.GetProperty("__typename").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), "an error needs a message: " + error);
        return error;
    }

    /// <summary>Asserts that a payload's <c>errors</c> list is empty.</summary>
    public static void NoErrors(JsonElement errors) => Assert.True(errors.GetArrayLength() == 0, "unexpected payload errors: " + errors);

    /// <summary>Whether a JSON member is null.</summary>
    public static bool IsNull(JsonElement element) => element.ValueKind == JsonValueKind.Null;

    /// <summary>The one GraphQL error of a response (not a payload error), asserting there is exactly one.</summary>
    public static JsonElement SingleGraphQLError(GraphQLResponse response)
    {
        Assert.True(response.Errors.Count == 1, "expected exactly one GraphQL error: " + response.Text);
        return response.Errors[0];
    }

    /// <summary>The <c>extensions.code</c> of a GraphQL error.</summary>
    public static string? Code(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>The <c>path</c> of a GraphQL error, joined with dots.</summary>
    public static string? Path(JsonElement error) =>
        error.TryGetProperty("path", out var path) ? string.Join('.', path.EnumerateArray().Select(p => p.ToString())) : null;

    /// <summary>The permissions a FORBIDDEN error names: <c>extensions.permission</c> (one) or <c>extensions.permissions</c> (any of them).</summary>
    public static IReadOnlyList<string?> NamedPermissions(JsonElement error)
    {
        if (!error.TryGetProperty("extensions", out var extensions))
        {
            return [];
        }

        if (extensions.TryGetProperty("permission", out var one))
        {
            return [one.GetString()];
        }

        return extensions.TryGetProperty("permissions", out var many) ? [.. many.EnumerateArray().Select(p => p.GetString())] : [];
    }

    /// <summary>Posts one GraphQL request with extra headers.</summary>
    public static async Task<GraphQLResponse> PostWithHeadersAsync(ApiHost api, string? token, string query, object? variables, IReadOnlyDictionary<string, string> headers)
    {
        using var client = api.Client(token);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query, variables }) };
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse(response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), body);
    }

    /// <summary>A name no other test uses.</summary>
    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];
}
