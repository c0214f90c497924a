using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Spec §6.2.3: a subscription's source stream, each event mapped to a response, errors and cancellation.</summary>
public sealed class SubscriptionSpecs
{
    private const string Sdl = """
        type Query { a: Int }
        type Tick { n: Int! square: Int! }
        type Subscription { ticks(upTo: Int!): Tick label: String failing: Int unbound: Int }
        """;

    [Fact]
    public async Task Each_source_event_becomes_one_response_with_the_event_as_the_root_value()
    {
        var executor = Builder().Executor();

        var responses = await CollectAsync(executor, "subscription { ticks(upTo: 3) { n square } }");

        Assert.Equal(
            ["""{"data":{"ticks":{"n":1,"square":1}}}""", """{"data":{"ticks":{"n":2,"square":4}}}""", """{"data":{"ticks":{"n":3,"square":9}}}"""],
            responses.Select(r => r.ToJsonString()));
    }

    [Fact]
    public async Task A_root_field_resolver_maps_each_event_to_the_field_value()
    {
        var executor = Builder().Resolve("Subscription", "label", context => $"tick {((Tick)context.Parent!).N}").Executor();

        var responses = await CollectAsync(executor, "subscription { label }");

        Assert.Equal(["tick 1", "tick 2"], responses.Select(r => (string?)r["data"]!["label"]));
    }

    [Fact]
    public async Task A_field_error_in_one_event_is_reported_in_that_response_and_the_stream_goes_on()
    {
        var executor = Builder().Resolve("Tick", "square", context => ((Tick)context.Parent!).N == 2 ? throw new GraphQLException("no square") : ((Tick)context.Parent!).N).Executor();

        var responses = await CollectAsync(executor, "subscription { ticks(upTo: 3) { n square } }");

        Assert.Equal(3, responses.Count);
        JsonEqual("""{"data":{"ticks":null},"errors":[{"message":"no square","locations":[{"line":1,"column":35}],"path":["ticks","square"]}]}""", responses[1]);
    }

    [Fact]
    public async Task A_source_stream_that_cannot_be_created_gives_one_response_with_errors_and_no_data()
    {
        var executor = Builder().Executor();

        var failing = await CollectAsync(executor, "subscription { failing }");
        var unbound = await CollectAsync(executor, "subscription { unbound }");

        JsonEqual("""{"errors":[{"message":"Not subscribed","locations":[{"line":1,"column":16}],"path":["failing"],"extensions":{"code":"FORBIDDEN"}}]}""", Assert.Single(failing));
        Assert.Equal(
            ["The subscription field \"Subscription.unbound\" has no source stream: bind one with SchemaBuilder.Subscribe."],
            Assert.Single(unbound).Messages());
    }

    [Fact]
    public async Task Cancelling_ends_the_stream_without_an_error()
    {
        var channel = Channel.CreateUnbounded<object?>();
        var executor = SchemaBuilder.FromSdl(Sdl)
            .Subscribe("Subscription", "label", _ => ValueTask.FromResult(channel.Reader.ReadAllAsync()))
            .Executor();
        using var cancellation = new CancellationTokenSource();
        var prepared = await executor.PrepareAsync(Request("subscription { label }"), Context, default);
        var received = new List<string?>();

        await channel.Writer.WriteAsync("first");
        await foreach (var response in executor.SubscribeAsync(prepared, Context, cancellation.Token))
        {
            received.Add((string?)Parse(response)["data"]!["label"]);
            await cancellation.CancelAsync();
        }

        Assert.Equal(["first"], received);
    }

    [Fact]
    public async Task A_query_sent_to_subscribe_gives_a_single_response()
    {
        var executor = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "a", _ => 1).Executor();

        var responses = await CollectAsync(executor, "{ a }");

        JsonEqual("""{"data":{"a":1}}""", Assert.Single(responses));
    }

    [Fact]
    public async Task Executing_a_subscription_instead_of_subscribing_is_refused()
    {
        var response = await Builder().Executor().RunAsync("subscription { label }");

        Assert.Equal(ErrorCodes.OperationNotSupported, response.SingleError().Code());
    }

    private static SchemaBuilder Builder() => SchemaBuilder.FromSdl(Sdl)
        .Subscribe("Subscription", "ticks", context => ValueTask.FromResult(Ticks(context.Argument<int>("upTo"))))
        .Subscribe("Subscription", "label", _ => ValueTask.FromResult(Ticks(2)))
        .Subscribe("Subscription", "failing", _ => throw new GraphQLException("Not subscribed", "FORBIDDEN"));

    private static async IAsyncEnumerable<object?> Ticks(int upTo, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        for (var n = 1; n <= upTo; n++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new Tick(n);
        }
    }

    private static async Task<List<JsonObject>> CollectAsync(RequestExecutor executor, string query)
    {
        var prepared = await executor.PrepareAsync(Request(query), Context, default);
        var responses = new List<JsonObject>();
        await foreach (var response in executor.SubscribeAsync(prepared, Context, default))
        {
            responses.Add(Parse(response));
        }

        return responses;
    }

    private sealed record Tick(int N)
    {
        public int Square => N * N;
    }
}
