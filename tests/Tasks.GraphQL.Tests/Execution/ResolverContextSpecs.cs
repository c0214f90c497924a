using System.Security.Claims;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Execution.Resolving;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>What a resolver sees: its parent, field, path, arguments as the CLR types it asks for, and the request.</summary>
public sealed class ResolverContextSpecs
{
    [Fact]
    public async Task A_resolver_sees_its_parent_field_and_response_path_with_list_indexes()
    {
        var seen = new List<string>();
        var executor = SchemaBuilder.FromSdl("type Item { name: String } type Query { items: [[Item]] }")
            .Resolve("Query", "items", _ => new[] { new[] { "a" }, new[] { "b", "c" } })
            .Resolve("Item", "name", context =>
            {
                lock (seen)
                {
                    seen.Add($"{context.ParentType.Name}.{context.Field.Name} of {context.Parent} at {string.Join("/", context.Path)}");
                }

                return context.Parent;
            })
            .Executor();

        var response = await executor.RunAsync("{ items { name } }");

        JsonEqual("""{"data":{"items":[[{"name":"a"}],[{"name":"b"},{"name":"c"}]]}}""", response);
        Assert.Equal(["Item.name of a at items/0/0/name", "Item.name of b at items/1/0/name", "Item.name of c at items/1/1/name"], seen);
    }

    [Fact]
    public async Task Arguments_are_read_as_the_clr_type_the_resolver_asks_for()
    {
        IResolverContext? captured = null;
        var executor = SchemaBuilder.FromSdl("enum Mode { FAST SLOW } type Query { run(count: Int, mode: Mode, id: ID, ratio: Float): String }")
            .Resolve("Query", "run", context =>
            {
                captured = context;
                return "ok";
            })
            .Executor();

        await executor.RunAsync("""{ run(count: 3, mode: SLOW, id: "5f0c5b8e-3f6a-4a63-9a8e-2b8c0f4a9d11", ratio: 1) }""");

        Assert.Equal(3L, captured!.Argument<long>("count"));
        Assert.Equal(3, captured.Argument<int?>("count"));
        Assert.Equal(DayOfWeek.Sunday, captured.Argument<DayOfWeek?>("missing") ?? DayOfWeek.Sunday);
        Assert.Equal(Mode.Slow, captured.Argument<Mode>("mode"));
        Assert.Equal(Guid.Parse("5f0c5b8e-3f6a-4a63-9a8e-2b8c0f4a9d11"), captured.Argument<Guid>("id"));
        Assert.Equal(1.0, captured.Argument<double>("ratio"));
        Assert.Throws<InvalidCastException>(() => captured.Argument<Uri>("count"));
    }

    [Fact]
    public async Task A_resolver_sees_the_request_context_and_shares_request_items_with_the_other_resolvers()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "test"));
        var executor = SchemaBuilder.FromSdl("type Query { first: String second: String }")
            .Resolve("Query", "first", context =>
            {
                context.RequestItems["seen"] = context.Request.User.Identity!.Name!;
                return "set";
            })
            .Resolve("Query", "second", context => context.RequestItems.TryGetValue("seen", out var name) ? name : "nothing")
            .Executor();
        var request = new RequestContext(user, Context.Services);

        var prepared = await executor.PrepareAsync(Request("{ first second }"), request, default);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            await executor.ExecuteAsync(prepared, request, writer, default);
        }

        JsonEqual("""{"data":{"first":"set","second":"ada"}}""", Parse(buffer.WrittenMemory));
    }

    private enum Mode
    {
        Fast,
        Slow,
    }
}
