using System.Buffers;
using System.Security.Claims;
using System.Text.Json;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>The small schema and queries the GraphQL scenarios run, and one way to run a request to bytes.</summary>
internal static class GraphQLFixture
{
    /// <summary>Three fields, as in the published figures we compare with.</summary>
    public const string ThreeFieldQuery = "{ hello count enabled }";

    public const string Sdl = """
        "A small schema: a few scalars, an object list, an enum, an interface and a union."
        type Query {
          hello: String!
          count: Int!
          enabled: Boolean!
          task(id: ID!): Task
          tasks(first: Int = 10): [Task!]!
          search(text: String!): [SearchResult!]!
        }
        interface Node { id: ID! }
        enum Status { NEW IN_PROGRESS COMPLETE FAILED }
        type Task implements Node { id: ID! name: String! status: Status! priority: Int tags: [String!]! }
        type Function implements Node { id: ID! name: String! }
        union SearchResult = Task | Function
        """;

    public static RequestExecutor CreateExecutor() =>
        new(SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "hello", _ => "world")
            .Resolve("Query", "count", _ => 42)
            .Resolve("Query", "enabled", _ => true)
            .Build());

    public static RequestContext Context { get; } = new(new ClaimsPrincipal(new ClaimsIdentity()), EmptyServices.Instance);

    /// <summary>Prepares and executes <paramref name="request"/>, writing the response into <paramref name="buffer"/>.</summary>
    public static async ValueTask RunAsync(RequestExecutor executor, GraphQLRequest request, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        var prepared = await executor.PrepareAsync(request, Context, CancellationToken.None);
        if (!prepared.IsExecutable)
        {
            throw new BenchmarkFailedException($"the bench query was refused: {prepared.RequestErrors[0].Message}");
        }

        await executor.ExecuteAsync(prepared, Context, writer, CancellationToken.None);
        await writer.FlushAsync();
    }

    private sealed class EmptyServices : IServiceProvider
    {
        public static EmptyServices Instance { get; } = new();

        public object? GetService(Type serviceType) => null;
    }
}
