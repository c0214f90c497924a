using System.Diagnostics;
using System.Text.Json;
using Tasks.Api.Tests.Support;
using Tasks.GraphQL.Introspection;

namespace Tasks.Api.Tests.Contract;

/// <summary>The served schema is exactly the checked-in contract, as the reference implementation (graphql-js) reads both.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class SchemaContractTests(ApiHost api)
{
    [Fact]
    public async Task The_served_schema_is_exactly_schema_graphql()
    {
        var root = RepositoryRoot();
        var graphqlModule = Path.Combine(root, "tests", "Tasks.GraphQL.Tests", "Compatibility", "graphql-js", "node_modules", "graphql", "index.mjs");
        Assert.True(File.Exists(graphqlModule), "graphql-js is not installed: run scripts/setup.sh (make test does)");
        var introspection = await api.AdminAsync(IntrospectionQuery.Text);
        var input = JsonSerializer.Serialize(new
        {
            graphqlModule,
            introspection = introspection.Data,
            sdl = await File.ReadAllTextAsync(Path.Combine(root, "src", "Tasks.Api", "schema.graphql")),
        });

        var (exitCode, output, error) = await RunNodeAsync(Path.Combine(root, "tests", "Tasks.Api.Tests", "Contract", "compare-schema.mjs"), input);

        Assert.True(exitCode == 0, $"the served schema differs from schema.graphql:\n{output}{error}");
        Assert.StartsWith("identical", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_contract_file_is_served_as_checked_in()
    {
        var expected = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "src", "Tasks.Api", "schema.graphql"));
        using var client = api.Client(token: null);

        var served = await client.GetStringAsync(new Uri("/graphql/schema.graphql", UriKind.Relative));

        Assert.Equal(expected, served);
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunNodeAsync(string script, string input)
    {
        var start = new ProcessStartInfo("node", [script])
        {
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

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tasks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Tasks.sln not found above the test assembly");
    }
}
