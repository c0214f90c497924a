using System.Buffers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Tests.Execution.Support;

/// <summary>Runs requests through an executor the way a transport does, and reads the JSON responses.</summary>
internal static class TestRequests
{
    public static RequestContext Context { get; } = new(new ClaimsPrincipal(new ClaimsIdentity()), new NoServices());

    public static GraphQLRequest Request(string query, string? variables = null, string? operationName = null) =>
        new(query, operationName, variables is null ? null : JsonSerializer.Deserialize<JsonElement>(variables));

    /// <summary>Prepares and executes; request errors are written as a transport would write them.</summary>
    public static Task<JsonObject> RunAsync(this RequestExecutor executor, string query, string? variables = null, string? operationName = null, CancellationToken cancellationToken = default) =>
        executor.RunAsync(Request(query, variables, operationName), cancellationToken);

    public static async Task<JsonObject> RunAsync(this RequestExecutor executor, GraphQLRequest request, CancellationToken cancellationToken = default)
    {
        var prepared = await executor.PrepareAsync(request, Context, cancellationToken);
        var buffer = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            if (prepared.IsExecutable)
            {
                await executor.ExecuteAsync(prepared, Context, writer, cancellationToken);
            }
            else
            {
                executor.WriteRequestErrors(prepared.RequestErrors, writer);
            }
        }

        return Parse(buffer.WrittenMemory);
    }

    public static JsonObject Parse(ReadOnlyMemory<byte> json) =>
        JsonNode.Parse(Encoding.UTF8.GetString(json.Span))!.AsObject();

    /// <summary>The messages of the response's errors, in order.</summary>
    public static string[] Messages(this JsonObject response) =>
        response["errors"] is JsonArray errors ? [.. errors.Select(e => (string)e!["message"]!)] : [];

    /// <summary>The one error of the response.</summary>
    public static JsonObject SingleError(this JsonObject response) =>
        Assert.Single(Assert.IsType<JsonArray>(response["errors"])!)!.AsObject();

    public static string? Code(this JsonObject error) => (string?)error["extensions"]?["code"];

    public static string PathOf(this JsonObject error) => error["path"]!.ToJsonString();

    /// <summary>Asserts that <paramref name="actual"/> equals the JSON text <paramref name="expected"/>, comparing structure (and key order) rather than bytes.</summary>
    public static void JsonEqual(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(JsonNode.DeepEquals(expectedNode, actual), $"expected {expectedNode?.ToJsonString()}\n but got {actual?.ToJsonString()}");
        Assert.Equal(expectedNode?.ToJsonString(), actual?.ToJsonString());
    }

    private sealed class NoServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
