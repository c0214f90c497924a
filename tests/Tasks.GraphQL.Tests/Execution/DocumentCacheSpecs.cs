using System.Text.Json;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Execution.Persisted;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>The document cache (parsed and validated documents by the hash of their text) and trusted documents.</summary>
public sealed class DocumentCacheSpecs
{
    private static SchemaBuilder Builder() => SchemaBuilder.FromSdl("type Query { hello(name: String): String }")
        .Resolve("Query", "hello", context => $"hello {context.Argument<string>("name") ?? "world"}");

    [Fact]
    public async Task Preparing_the_same_text_again_takes_the_document_from_the_cache_without_parsing_or_validating()
    {
        var validations = 0;
        var executor = Builder().Executor(new ExecutionOptions
        {
            Validator = (schema, document, options) =>
            {
                Interlocked.Increment(ref validations);
                return DocumentValidator.Validate(schema, document, options);
            },
        });

        await executor.RunAsync("query($n: String) { hello(name: $n) }", """{"n": "a"}""");
        var second = await executor.RunAsync("query($n: String) { hello(name: $n) }", """{"n": "b"}""");

        Assert.Equal("hello b", (string?)second["data"]!["hello"]);
        Assert.Equal(new DocumentCacheStatistics(Hits: 1, Misses: 1, Count: 1), executor.DocumentCacheStatistics);
        Assert.Equal(1, validations);
    }

    [Fact]
    public async Task A_different_text_is_a_different_document()
    {
        var executor = Builder().Executor();

        await executor.RunAsync("{ hello }");
        await executor.RunAsync("{ hello }\n");

        Assert.Equal(2, executor.DocumentCacheStatistics.Misses);
    }

    [Fact]
    public async Task Documents_that_fail_to_parse_or_validate_are_cached_with_their_errors()
    {
        var executor = Builder().Executor();

        var first = await executor.RunAsync("{ hello(");
        var second = await executor.RunAsync("{ hello(");

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(1, executor.DocumentCacheStatistics.Hits);
    }

    [Fact]
    public async Task The_cache_holds_at_most_its_configured_number_of_documents()
    {
        var executor = Builder().Executor(new ExecutionOptions { DocumentCacheSize = 10 });

        for (var i = 0; i < 100; i++)
        {
            await executor.RunAsync($"{{ hello(name: \"{i}\") }}");
        }

        Assert.InRange(executor.DocumentCacheStatistics.Count, 1, 10);
    }

    [Fact]
    public async Task Concurrent_requests_for_the_same_document_all_get_correct_results()
    {
        var executor = Builder().Executor();

        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() => executor.RunAsync("query($n: String) { hello(name: $n) }", $$"""{"n": "{{i}}"}"""))));

        Assert.Equal(Enumerable.Range(0, 64).Select(i => $"hello {i}"), responses.Select(r => (string?)r["data"]!["hello"]));
    }

    [Fact]
    public async Task A_request_can_name_a_trusted_document_by_id()
    {
        var executor = Builder().Executor(new ExecutionOptions
        {
            PersistedDocuments = new InMemoryPersistedDocumentStore(new Dictionary<string, string> { ["greet"] = "query($n: String) { hello(name: $n) }" }),
        });

        var response = await executor.RunAsync(new GraphQLRequest(null, Variables: JsonSerializer.Deserialize<JsonElement>("""{"n": "Ada"}"""), DocumentId: "greet"));
        var unknown = await executor.RunAsync(new GraphQLRequest(null, DocumentId: "nope"));

        Assert.Equal("hello Ada", (string?)response["data"]!["hello"]);
        Assert.Equal(["Unknown persisted document \"nope\"."], unknown.Messages());
        Assert.Equal(ErrorCodes.PersistedDocumentNotFound, unknown.SingleError().Code());
    }

    [Fact]
    public async Task A_server_running_only_trusted_documents_refuses_query_text()
    {
        var executor = Builder().Executor(new ExecutionOptions
        {
            PersistedDocuments = new InMemoryPersistedDocumentStore(new Dictionary<string, string> { ["greet"] = "{ hello }" }),
            OnlyPersistedDocuments = true,
        });

        var adHoc = await executor.RunAsync("{ hello }");
        var trusted = await executor.RunAsync(new GraphQLRequest(null, DocumentId: "greet"));

        Assert.Equal(ErrorCodes.PersistedDocumentRequired, adHoc.SingleError().Code());
        Assert.Equal("This server only runs trusted documents: send the documentId of one instead of query text.", adHoc.Messages().Single());
        Assert.Equal("hello world", (string?)trusted["data"]!["hello"]);
    }
}
