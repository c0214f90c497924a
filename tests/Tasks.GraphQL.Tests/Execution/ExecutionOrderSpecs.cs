using System.Collections.Concurrent;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Spec §6.3.1 "Normal and Serial Execution": query fields run side by side, mutation root fields one after another.</summary>
public sealed class ExecutionOrderSpecs
{
    [Fact]
    public async Task The_resolvers_of_a_query_selection_set_all_start_before_any_is_awaited()
    {
        // Each resolver waits until all three have started: run one at a time, the first would wait in vain.
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async ValueTask<object?> WaitForSiblings(Tasks.GraphQL.Execution.Resolving.IResolverContext context)
        {
            if (Interlocked.Increment(ref started) == 3)
            {
                allStarted.SetResult();
            }

            var finished = await Task.WhenAny(allStarted.Task, Task.Delay(TimeSpan.FromSeconds(5)));
            return finished == allStarted.Task ? "together" : "alone";
        }

        var executor = SchemaBuilder.FromSdl("type Query { a: String b: String c: String }")
            .Resolve("Query", "a", WaitForSiblings)
            .Resolve("Query", "b", WaitForSiblings)
            .Resolve("Query", "c", WaitForSiblings)
            .Executor();

        var response = await executor.RunAsync("{ a b c }");

        JsonEqual("""{"data":{"a":"together","b":"together","c":"together"}}""", response);
    }

    [Fact]
    public async Task The_response_keeps_the_selection_order_whatever_order_fields_finish_in()
    {
        var executor = SchemaBuilder.FromSdl("type Query { slow: String fast: String }")
            .Resolve("Query", "slow", async _ =>
            {
                await Task.Delay(50);
                return "slow";
            })
            .Resolve("Query", "fast", _ => "fast")
            .Executor();

        var response = await executor.RunAsync("{ slow fast }");

        JsonEqual("""{"data":{"slow":"slow","fast":"fast"}}""", response);
    }

    [Fact]
    public async Task Mutation_root_fields_run_one_after_another_each_with_its_sub_selection_complete()
    {
        var log = new ConcurrentQueue<string>();
        var executor = SchemaBuilder.FromSdl("type Query { a: Int } type Change { name: String detail: String } type Mutation { first: Change second: Change }")
            .Resolve("Mutation", "first", context => Change(log, "first"))
            .Resolve("Mutation", "second", context => Change(log, "second"))
            .Resolve("Change", "detail", async context =>
            {
                var name = (string)((Dictionary<string, object?>)context.Parent!)["name"]!;
                log.Enqueue($"detail of {name} starts");
                await Task.Delay(20);
                log.Enqueue($"detail of {name} ends");
                return name + " detail";
            })
            .Executor();

        var response = await executor.RunAsync("mutation { second { name detail } first { name detail } }");

        JsonEqual("""{"data":{"second":{"name":"second","detail":"second detail"},"first":{"name":"first","detail":"first detail"}}}""", response);
        Assert.Equal(
            ["second starts", "second ends", "detail of second starts", "detail of second ends", "first starts", "first ends", "detail of first starts", "detail of first ends"],
            log);
    }

    [Fact]
    public async Task Once_a_non_null_mutation_field_fails_the_later_mutations_are_not_run()
    {
        var ran = new ConcurrentQueue<string>();
        var executor = SchemaBuilder.FromSdl("type Query { a: Int } type Mutation { first: Int second: Int! third: Int }")
            .Resolve("Mutation", "first", _ =>
            {
                ran.Enqueue("first");
                return 1;
            })
            .Resolve("Mutation", "second", _ =>
            {
                ran.Enqueue("second");
                throw new Tasks.GraphQL.Execution.GraphQLException("refused");
            })
            .Resolve("Mutation", "third", _ =>
            {
                ran.Enqueue("third");
                return 3;
            })
            .Executor();

        var response = await executor.RunAsync("mutation { first second third }");

        Assert.Null(response["data"]);
        Assert.Equal(["refused"], response.Messages());
        Assert.Equal(["first", "second"], ran);
    }

    private static async ValueTask<object?> Change(ConcurrentQueue<string> log, string name)
    {
        log.Enqueue($"{name} starts");
        await Task.Delay(20);
        log.Enqueue($"{name} ends");
        return new Dictionary<string, object?> { ["name"] = name };
    }
}
