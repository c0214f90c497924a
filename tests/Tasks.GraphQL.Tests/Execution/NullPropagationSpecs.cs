using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>
/// Spec §6.4.4 "Handling Field Errors": a field error makes its field null; when the field is non-null the null
/// propagates to the nearest nullable parent position; each error is reported once, at the field that raised it.
/// </summary>
public sealed class NullPropagationSpecs
{
    private const string Sdl = """
        type Node {
          ok: String
          nullable: String
          nonNull: String!
          child: Node
          nonNullChild: Node!
        }
        type Query {
          node: Node
          nonNullNode: Node!
          nodes: [Node]
          nonNullNodes: [Node!]
          ints: [Int]
          nonNullInts: [Int!]
          strictInts: [Int!]!
          sibling: String
        }
        """;

    private static readonly RequestExecutor Executor = SchemaBuilder.FromSdl(Sdl)
        .Resolve("Query", "node", _ => new Node())
        .Resolve("Query", "nonNullNode", _ => new Node())
        .Resolve("Query", "nodes", _ => new[] { new Node(), new Node(), new Node() })
        .Resolve("Query", "nonNullNodes", _ => new[] { new Node(), new Node() })
        .Resolve("Query", "ints", _ => new int?[] { 1, null, 3 })
        .Resolve("Query", "nonNullInts", _ => new int?[] { 1, null, 3 })
        .Resolve("Query", "strictInts", _ => new int?[] { 1, null })
        .Resolve("Query", "sibling", _ => "still here")
        .Resolve("Node", "nullable", _ => throw new GraphQLException("nullable failed"))
        .Resolve("Node", "nonNull", _ => throw new GraphQLException("nonNull failed"))
        .Executor();

    [Fact]
    public async Task An_error_in_a_nullable_field_nulls_only_that_field()
    {
        var response = await Executor.RunAsync("{ node { ok nullable } sibling }");

        JsonEqual("""{"node":{"ok":"fine","nullable":null},"sibling":"still here"}""", response["data"]);
        Assert.Equal("""["node","nullable"]""", response.SingleError().PathOf());
    }

    [Fact]
    public async Task An_error_in_a_non_null_field_nulls_the_nearest_nullable_parent()
    {
        var response = await Executor.RunAsync("{ node { ok nonNull } sibling }");

        JsonEqual("""{"node":null,"sibling":"still here"}""", response["data"]);
        var error = response.SingleError();
        Assert.Equal("nonNull failed", (string?)error["message"]);
        Assert.Equal("""["node","nonNull"]""", error.PathOf());
    }

    [Fact]
    public async Task A_null_propagates_through_a_chain_of_non_null_fields_and_is_reported_once()
    {
        var response = await Executor.RunAsync("{ node { child { ok nonNullChild { nonNullChild { nonNull } } } } }");

        JsonEqual("""{"node":{"child":null}}""", response["data"]);
        Assert.Equal("""["node","child","nonNullChild","nonNullChild","nonNull"]""", response.SingleError().PathOf());
    }

    [Fact]
    public async Task A_null_reaching_a_non_null_root_field_nulls_the_whole_data()
    {
        var response = await Executor.RunAsync("{ sibling nonNullNode { nonNull } }");

        JsonEqual("""{"data":null,"errors":[{"message":"nonNull failed","locations":[{"line":1,"column":25}],"path":["nonNullNode","nonNull"]}]}""", response);
    }

    [Fact]
    public async Task A_resolver_returning_null_for_a_non_null_field_is_an_error_naming_the_field()
    {
        var executor = SchemaBuilder.FromSdl("type Query { name: String! other: Int }").Resolve("Query", "name", _ => null).Resolve("Query", "other", _ => 1).Executor();

        var response = await executor.RunAsync("{ other name }");

        JsonEqual("""{"data":null,"errors":[{"message":"Cannot return null for non-nullable field Query.name.","locations":[{"line":1,"column":9}],"path":["name"],"extensions":{"code":"INVALID_RESULT"}}]}""", response);
    }

    [Fact]
    public async Task A_null_item_in_a_list_of_nullable_items_is_just_null()
    {
        var response = await Executor.RunAsync("{ ints }");

        JsonEqual("""{"data":{"ints":[1,null,3]}}""", response);
    }

    [Fact]
    public async Task A_null_item_in_a_list_of_non_null_items_nulls_the_list_with_the_item_index_in_the_path()
    {
        var response = await Executor.RunAsync("{ nonNullInts sibling }");

        JsonEqual("""{"nonNullInts":null,"sibling":"still here"}""", response["data"]);
        var error = response.SingleError();
        Assert.Equal("Cannot return null for non-nullable field Query.nonNullInts.", (string?)error["message"]);
        Assert.Equal("""["nonNullInts",1]""", error.PathOf());
    }

    [Fact]
    public async Task A_null_item_in_a_non_null_list_of_non_null_items_propagates_past_the_list()
    {
        var response = await Executor.RunAsync("{ sibling strictInts }");

        Assert.Null(response["data"]);
        Assert.Equal("""["strictInts",1]""", response.SingleError().PathOf());
    }

    [Fact]
    public async Task Errors_in_list_items_carry_the_index_and_null_only_their_item_or_the_list()
    {
        var nullableItems = await Executor.RunAsync("{ nodes { ok nonNull } }");
        var nonNullItems = await Executor.RunAsync("{ nonNullNodes { ok nonNull } sibling }");

        JsonEqual("""{"nodes":[null,null,null]}""", nullableItems["data"]);
        Assert.Equal(["""["nodes",0,"nonNull"]""", """["nodes",1,"nonNull"]""", """["nodes",2,"nonNull"]"""], nullableItems["errors"]!.AsArray().Select(e => e!.AsObject().PathOf()));
        JsonEqual("""{"nonNullNodes":null,"sibling":"still here"}""", nonNullItems["data"]);
        Assert.Equal(2, nonNullItems["errors"]!.AsArray().Count);
    }

    private sealed record Node(string Ok = "fine")
    {
        public Node Child => new(Ok);

        public Node NonNullChild => new(Ok);
    }
}
