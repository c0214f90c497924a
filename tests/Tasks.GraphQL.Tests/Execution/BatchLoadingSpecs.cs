using System.Collections.Concurrent;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Execution.Batching;
using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Batch loading: the keys a level of resolvers asks for reach the batch function in one call.</summary>
public sealed class BatchLoadingSpecs
{
    private const string Sdl = """
        type Author { id: Int! name: String books: [Book] }
        type Book { id: Int! title: String author: Author }
        type Query { books(count: Int!): [Book] }
        """;

    [Fact]
    public async Task Fifty_sibling_items_loading_their_author_make_exactly_one_batch_call()
    {
        var library = new Library();
        var executor = library.Builder().Executor();

        var response = await executor.RunAsync("{ books(count: 50) { title author { name } } }");

        Assert.Empty(response.Messages());
        Assert.Equal(50, response["data"]!["books"]!.AsArray().Count);
        Assert.Equal("Author 7", (string?)response["data"]!["books"]![17]!["author"]!["name"]);
        var call = Assert.Single(library.AuthorBatches);
        Assert.Equal(Enumerable.Range(0, 10), call.Order());
    }

    [Fact]
    public async Task Each_level_of_the_result_makes_one_batch_call_per_loader()
    {
        var library = new Library();
        var executor = library.Builder().Executor();

        var response = await executor.RunAsync("{ books(count: 20) { author { books { author { name } } } } }");

        Assert.Empty(response.Messages());
        // Level 1: the 20 books' authors. Level 2: those authors' books' authors; already loaded keys are not asked again.
        Assert.Equal(2, library.AuthorBatches.Count);
        Assert.Equal(Enumerable.Range(0, 10), library.AuthorBatches.First().Order());
    }

    [Fact]
    public async Task Resolvers_that_do_other_asynchronous_work_before_loading_still_batch()
    {
        // Loads queued after other awaits are dispatched whenever the executor runs out of work, so how many land in
        // one batch depends on timing; what must hold is that every author arrives and no key is asked for twice.
        var library = new Library { AwaitBeforeLoading = true, AuthorOf = book => book };
        var executor = library.Builder().Executor();

        var response = await executor.RunAsync("{ books(count: 30) { author { name } } }");

        Assert.Empty(response.Messages());
        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"Author {i}"), response["data"]!["books"]!.AsArray().Select(b => (string?)b!["author"]!["name"]));
        Assert.Equal(Enumerable.Range(0, 30), library.AuthorBatches.SelectMany(batch => batch).Order());
    }

    [Fact]
    public async Task A_key_missing_from_the_batch_result_loads_as_null_and_a_failing_batch_fails_each_field()
    {
        var missing = new Library { Known = id => id != 3 };
        var failing = new Library { Fail = true };

        var withMissing = await missing.Builder().Executor().RunAsync("{ books(count: 4) { author { name } } }");
        var withFailure = await failing.Builder().Executor().RunAsync("{ books(count: 2) { author { name } } }");

        Assert.Null(withMissing["data"]!["books"]![3]!["author"]);
        Assert.Empty(withMissing.Messages());
        Assert.Equal(["Unexpected Execution Error", "Unexpected Execution Error"], withFailure.Messages());
        Assert.Equal(["""["books",0,"author"]""", """["books",1,"author"]"""], withFailure["errors"]!.AsArray().Select(e => e!.AsObject().PathOf()));
    }

    [Fact]
    public async Task A_loader_name_used_with_other_types_is_a_clear_error()
    {
        var executor = SchemaBuilder.FromSdl("type Query { a: String b: String }")
            .Resolve("Query", "a", async context => await context.BatchLoad("same", 1, (keys, _) => Task.FromResult<IReadOnlyDictionary<int, string>>(keys.ToDictionary(k => k, k => "a"))))
            .Resolve("Query", "b", async context => await context.BatchLoad("same", "1", (keys, _) => Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => "b"))))
            .Executor(new ExecutionOptions { IncludeExceptionDetails = true });

        var response = await executor.RunAsync("{ a b }");

        Assert.Equal(["The batch loader \"same\" already loads other key or value types; give each loader its own name."], response.Messages());
    }

    private sealed class Library
    {
        public ConcurrentQueue<IReadOnlyList<int>> AuthorBatches { get; } = new();

        public bool AwaitBeforeLoading { get; init; }

        public bool Fail { get; init; }

        public Func<int, bool> Known { get; init; } = _ => true;

        public Func<int, int> AuthorOf { get; init; } = book => book % 10;

        public SchemaBuilder Builder() => SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "books", context => Enumerable.Range(0, context.Argument<int>("count")).Select(i => new Book(i, $"Book {i}", AuthorOf(i))).ToArray())
            .Resolve("Book", "author", LoadAuthorAsync)
            .Resolve("Author", "books", context => new[] { new Book(100, "Other", ((Author)context.Parent!).Id + 1) });

        private async ValueTask<object?> LoadAuthorAsync(IResolverContext context)
        {
            var book = (Book)context.Parent!;
            if (AwaitBeforeLoading)
            {
                await Task.Delay(10);
            }

            return await context.BatchLoad("authorById", book.AuthorId, LoadAuthorsAsync);
        }

        private async Task<IReadOnlyDictionary<int, Author>> LoadAuthorsAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
        {
            AuthorBatches.Enqueue(ids);
            await Task.Delay(5, cancellationToken);
            return Fail
                ? throw new InvalidOperationException("database down")
                : ids.Where(Known).ToDictionary(id => id, id => new Author(id, $"Author {id}"));
        }
    }

    private sealed record Book(int Id, string Title, int AuthorId);

    private sealed record Author(int Id, string Name);
}
