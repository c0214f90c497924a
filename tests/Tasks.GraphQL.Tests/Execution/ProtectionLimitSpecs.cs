using System.Diagnostics;
using System.Text;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>
/// The limits a request must pass before anything runs (depth, aliases, fields, cost), and the execution time limit.
/// Limits are request errors with a code saying which one was hit.
/// </summary>
public sealed class ProtectionLimitSpecs
{
    private const string Sdl = """
        directive @cost(weight: Int!) on FIELD_DEFINITION
        type User {
          name: String
          friends(first: Int): [User]
          posts(limit: Int = 3): [Post]
          expensive: Int @cost(weight: 50)
          best: User
        }
        type Post { title: String }
        type Query { users(first: Int, last: Int): [User] me: User slow: String stubborn: String }
        """;

    [Theory]
    [InlineData("{ me { best { name } } }", true)]
    [InlineData("{ me { best { best { name } } } }", false)]
    [InlineData("{ me { ...Deep } } fragment Deep on User { best { name } }", true)]
    public async Task An_operation_deeper_than_the_maximum_depth_is_refused(string query, bool allowed)
    {
        var executor = Executor(new ExecutionOptions { MaxDepth = 3 });

        var response = await executor.RunAsync(query);

        AssertAllowed(response, allowed, ErrorCodes.DepthLimitExceeded);
        if (!allowed)
        {
            Assert.Equal("The operation nests fields 4 deep, deeper than the maximum depth of 3.", response.Messages().Single());
        }
    }

    [Theory]
    [InlineData("{ a: me { name } b: me { name } }", true)]
    [InlineData("{ a: me { name } b: me { name } c: me { name } }", false)]
    [InlineData("{ ...Twice ...Again } fragment Twice on Query { a: me { name } b: me { name } } fragment Again on Query { c: me { name } }", false)]
    public async Task An_operation_with_more_aliases_than_the_maximum_is_refused(string query, bool allowed)
    {
        var response = await Executor(new ExecutionOptions { MaxAliases = 2 }).RunAsync(query);

        AssertAllowed(response, allowed, ErrorCodes.AliasLimitExceeded);
    }

    [Theory]
    [InlineData("{ me { name best { name } } }", true)]
    [InlineData("{ me { ...F best { ...F } } } fragment F on User { name friends { name } }", false)]
    public async Task An_operation_selecting_more_fields_than_the_maximum_after_expanding_fragments_is_refused(string query, bool allowed)
    {
        var response = await Executor(new ExecutionOptions { MaxFields = 5 }).RunAsync(query);

        AssertAllowed(response, allowed, ErrorCodes.FieldLimitExceeded);
    }

    [Fact]
    public async Task An_exponentially_expanding_document_is_measured_without_expanding_it()
    {
        // Each fragment spreads the previous one twice: 2^40 fields once expanded.
        var document = new StringBuilder("{ me { ...F0 } } fragment F40 on User { name }");
        for (var i = 0; i < 40; i++)
        {
            document.Append(" fragment F").Append(i).Append(" on User { best { ...F").Append(i + 1).Append(" } friends { ...F").Append(i + 1).Append(" } }");
        }

        var stopwatch = Stopwatch.StartNew();
        // Validation is left out: this is about the executor's own measuring.
        var response = await Executor(new ExecutionOptions { MaxDepth = 100, Validator = (_, _, _) => [] }).RunAsync(document.ToString());

        Assert.Contains(response["errors"]!.AsArray(), e => e!.AsObject().Code() == ErrorCodes.FieldLimitExceeded);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData("{ me { name } }", 2)]
    [InlineData("{ users { name } }", 11)]
    [InlineData("{ users(first: 50) { name } }", 51)]
    [InlineData("{ users(last: 2) { friends(first: 4) { name } } }", 1 + (2 * (1 + (4 * 1))))]
    [InlineData("{ users(first: 50) { friends(first: 10) { name } } }", 1 + (50 * (1 + 10)))]
    [InlineData("{ me { posts { title } } }", 1 + 1 + (3 * 1))]
    [InlineData("{ me { expensive } }", 1 + 50)]
    [InlineData("{ me { __typename } __schema { types { name fields { name } } } }", 1 + 1)]
    public async Task The_estimated_cost_counts_each_field_and_multiplies_what_lists_select_by_their_size(string query, int cost)
    {
        var allowed = await Executor(new ExecutionOptions { MaxCost = cost }).RunAsync(query);
        var refused = await Executor(new ExecutionOptions { MaxCost = cost - 1 }).RunAsync(query);

        Assert.Empty(allowed.Messages());
        var error = refused.SingleError();
        Assert.Equal(ErrorCodes.CostLimitExceeded, error.Code());
        Assert.Equal(cost, (int)error["extensions"]!["cost"]!);
        Assert.Equal($"The operation's estimated cost of {cost} is more than the maximum of {cost - 1}.", (string?)error["message"]);
    }

    [Fact]
    public async Task A_list_size_given_by_a_variable_is_costed_per_request()
    {
        var executor = Executor(new ExecutionOptions { MaxCost = 100 });
        const string Query = "query($n: Int) { users(first: $n) { name } }";

        var small = await executor.RunAsync(Query, """{"n": 5}""");
        var large = await executor.RunAsync(Query, """{"n": 500}""");

        Assert.Empty(small.Messages());
        Assert.Equal(501, (int)large.SingleError()["extensions"]!["cost"]!);
    }

    [Fact]
    public async Task A_resolver_that_observes_its_cancellation_token_is_stopped_by_the_execution_timeout()
    {
        var executor = Executor(new ExecutionOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(100) });

        var response = await executor.RunAsync("{ slow me { name } }");

        var error = response.SingleError();
        Assert.Equal(ErrorCodes.Timeout, error.Code());
        Assert.Equal("""["slow"]""", error.PathOf());
        Assert.Equal("Ada", (string?)response["data"]!["me"]!["name"]);
    }

    [Fact]
    public async Task A_resolver_that_ignores_cancellation_still_cannot_hold_the_response_past_the_timeout()
    {
        var executor = Executor(new ExecutionOptions { ExecutionTimeout = TimeSpan.FromMilliseconds(100) });

        var stopwatch = Stopwatch.StartNew();
        var response = await executor.RunAsync("{ stubborn }");

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(ErrorCodes.Timeout, response.SingleError().Code());
        Assert.Equal("The request ran past its time limit of 0.1 seconds before this field was resolved.", response.Messages().Single());
    }

    [Fact]
    public async Task The_caller_cancelling_stops_the_execution_with_an_exception_rather_than_a_response()
    {
        var executor = Executor(new ExecutionOptions());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => executor.RunAsync("{ stubborn }", cancellationToken: cancellation.Token));
    }

    private static void AssertAllowed(System.Text.Json.Nodes.JsonObject response, bool allowed, string code)
    {
        if (allowed)
        {
            Assert.Empty(response.Messages());
        }
        else
        {
            Assert.Equal(code, response.SingleError().Code());
            Assert.False(response.ContainsKey("data"));
        }
    }

    private static RequestExecutor Executor(ExecutionOptions options)
    {
        var ada = new Dictionary<string, object?> { ["name"] = "Ada" };
        ada["best"] = ada;
        return SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "me", _ => ada)
            .Resolve("Query", "users", _ => new[] { ada })
            .Resolve("Query", "slow", async context =>
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return "never";
            })
            .Resolve("Query", "stubborn", async _ =>
            {
                await new TaskCompletionSource().Task;
                return "never";
            })
            .Executor(options);
    }
}
