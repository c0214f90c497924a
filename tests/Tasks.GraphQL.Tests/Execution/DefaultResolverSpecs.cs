using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Fields without a resolver read their parent: a dictionary entry, or a public property whatever its case.</summary>
public sealed class DefaultResolverSpecs
{
    private const string Sdl = "type Item { id: ID name: String tags: [String] } type Query { item: Item items: [Item] }";

    [Fact]
    public async Task A_field_without_a_resolver_reads_the_property_of_the_same_name_in_any_case()
    {
        var executor = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "item", _ => new Item("i1", "First", ["a", "b"])).Executor();

        JsonEqual("""{"data":{"item":{"id":"i1","name":"First","tags":["a","b"]}}}""", await executor.RunAsync("{ item { id name tags } }"));
    }

    [Fact]
    public async Task A_field_without_a_resolver_reads_a_dictionary_entry_and_a_missing_entry_is_null()
    {
        var executor = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "item", _ => new Dictionary<string, object?> { ["name"] = "From a dictionary" }).Executor();

        JsonEqual("""{"data":{"item":{"id":null,"name":"From a dictionary"}}}""", await executor.RunAsync("{ item { id name } }"));
    }

    [Fact]
    public async Task Items_of_different_clr_types_in_one_list_are_each_read_by_their_own_properties()
    {
        var executor = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "items", _ => new object[] { new Item("1", "record", []), new OtherItem { Name = "class" } }).Executor();

        JsonEqual("""{"data":{"items":[{"name":"record"},{"name":"class"}]}}""", await executor.RunAsync("{ items { name } }"));
    }

    [Fact]
    public async Task A_parent_without_the_property_is_a_masked_error_explained_when_details_are_on()
    {
        var executor = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "item", _ => new OtherItem()).Executor(new ExecutionOptions { IncludeExceptionDetails = true });

        var response = await executor.RunAsync("{ item { id } }");

        Assert.Equal(["Field \"Item.id\" has no resolver, and its parent value (a OtherItem) has no public property or dictionary entry \"id\"."], response.Messages());
    }

    private sealed record Item(string Id, string Name, string[] Tags);

    private sealed class OtherItem
    {
        public string? Name { get; init; }
    }
}
