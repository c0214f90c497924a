using System.Buffers;
using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Introspection;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Compatibility;

/// <summary>
/// The reference implementation (graphql-js, installed by scripts/setup.sh) must accept what we serve:
/// its buildClientSchema takes our introspection result unchanged and prints back every feature.
/// </summary>
public sealed class GraphQLJsCompatibilityTests
{
    private const string Sdl = """
        "Schema description"
        schema { query: Query mutation: Mutation subscription: Subscription }
        interface Node { id: ID! }
        interface Named implements Node { id: ID! name: String }
        type Book implements Node & Named { id: ID! name: String author(format: Format = FULL, legacy: Boolean @deprecated(reason: "old")): Author! published: DateTime @deprecated tags: [String!]! raw: JSON count: Long }
        type Author implements Node { id: ID! name: String! }
        union Result = Book | Author
        enum Format { FULL INITIALS @deprecated(reason: "x") }
        input Filter @oneOf { byId: ID byName: String }
        input NewBook { name: String! tags: [String!] = ["a"] old: Int @deprecated }
        scalar DateTime
        scalar JSON
        scalar Long
        directive @cost(weight: Int! = 1) repeatable on FIELD_DEFINITION | OBJECT
        type Query { book(id: ID!): Book search(text: String!, filter: Filter): [Result!]! node(id: ID!): Node }
        type Mutation { addBook(input: NewBook!): Book! }
        type Subscription { bookAdded: Book! }
        """;

    [Fact]
    public async Task The_reference_implementation_builds_a_client_schema_from_our_introspection_unchanged()
    {
        var executor = new RequestExecutor(SchemaBuilder.FromSdl(Sdl).Build());
        var context = new RequestContext(new ClaimsPrincipal(), new ServiceProviderStub());
        var prepared = await executor.PrepareAsync(new GraphQLRequest(IntrospectionQuery.Text), context, CancellationToken.None);
        var buffer = new ArrayBufferWriter<byte>();
        await using (var writer = new Utf8JsonWriter(buffer))
        {
            await executor.ExecuteAsync(prepared, context, writer, CancellationToken.None);
        }

        var (exitCode, printed, error) = await RunNodeAsync("check-introspection.mjs", Encoding.UTF8.GetString(buffer.WrittenSpan));

        Assert.True(exitCode == 0, $"graphql-js refused the introspection result: {error}");
        Assert.Contains("\"\"\"Schema description\"\"\"", printed, StringComparison.Ordinal);
        Assert.Contains("directive @cost(weight: Int! = 1) repeatable on FIELD_DEFINITION | OBJECT", printed, StringComparison.Ordinal);
        Assert.Contains("type Book implements Node & Named {", printed, StringComparison.Ordinal);
        Assert.Contains("author(format: Format = FULL, legacy: Boolean @deprecated(reason: \"old\")): Author!", printed, StringComparison.Ordinal);
        Assert.Contains("scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")", printed, StringComparison.Ordinal);
        Assert.Contains("input Filter @oneOf {", printed, StringComparison.Ordinal);
        Assert.Contains("tags: [String!] = [\"a\"]", printed, StringComparison.Ordinal);
        Assert.Contains("old: Int @deprecated", printed, StringComparison.Ordinal);
        Assert.Contains("INITIALS @deprecated(reason: \"x\")", printed, StringComparison.Ordinal);
        Assert.Contains("union Result = Book | Author", printed, StringComparison.Ordinal);
        Assert.Contains("interface Named implements Node {", printed, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunNodeAsync(string script, string input)
    {
        var folder = FindCompatibilityFolder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "graphql")), "graphql-js is not installed: run scripts/setup.sh (make test does)");
        var start = new ProcessStartInfo("node", script)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        await node.StandardInput.WriteAsync(input);
        node.StandardInput.Close();
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        return (node.ExitCode, await output, await error);
    }

    private static string FindCompatibilityFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "Tasks.GraphQL.Tests", "Compatibility", "graphql-js");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Tasks.GraphQL.Tests/Compatibility/graphql-js not found above the test assembly");
    }

    private sealed class ServiceProviderStub : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
