using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Spec §6.3.2 CollectFields: fragments, type conditions, <c>@skip</c>/<c>@include</c>, aliases and merged fields.</summary>
public sealed class FieldCollectionSpecs
{
    private const string Sdl = """
        interface Named { name: String }
        type Person implements Named { name: String age: Int friends: [Person] }
        type Robot implements Named { name: String model: String }
        type Query { me: Person things: [Named] }
        """;

    private static readonly Dictionary<string, object?> Ada = new()
    {
        ["__typename"] = "Person",
        ["name"] = "Ada",
        ["age"] = 36,
        ["friends"] = new[] { new Dictionary<string, object?> { ["name"] = "Charles", ["age"] = 45 } },
    };

    private static readonly RequestExecutor Executor = SchemaBuilder.FromSdl(Sdl)
        .Resolve("Query", "me", _ => Ada)
        .Resolve("Query", "things", _ => new object[] { Ada, new Dictionary<string, object?> { ["__typename"] = "Robot", ["name"] = "R2", ["model"] = "astromech" } })
        .Executor();

    [Fact]
    public async Task Named_fragments_and_inline_fragments_add_their_fields_in_document_order()
    {
        var response = await Executor.RunAsync("""
            { me { ...Basics ... on Person { age } } }
            fragment Basics on Named { name }
            """);

        JsonEqual("""{"data":{"me":{"name":"Ada","age":36}}}""", response);
    }

    [Fact]
    public async Task A_fragment_applies_only_to_objects_of_its_type_condition()
    {
        var response = await Executor.RunAsync("{ things { __typename name ... on Person { age } ... on Robot { model } } }");

        JsonEqual("""
            {"data":{"things":[
              {"__typename":"Person","name":"Ada","age":36},
              {"__typename":"Robot","name":"R2","model":"astromech"}]}}
            """, response);
    }

    [Fact]
    public async Task Aliases_name_the_response_keys_and_let_one_field_be_selected_twice()
    {
        var response = await Executor.RunAsync("{ first: me { n: name } second: me { age } }");

        JsonEqual("""{"data":{"first":{"n":"Ada"},"second":{"age":36}}}""", response);
    }

    [Fact]
    public async Task Fields_with_the_same_response_key_merge_their_sub_selections()
    {
        var response = await Executor.RunAsync("{ me { name } me { age friends { name } } ... on Query { me { friends { age } } } }");

        JsonEqual("""{"data":{"me":{"name":"Ada","age":36,"friends":[{"name":"Charles","age":45}]}}}""", response);
    }

    [Theory]
    [InlineData("@skip(if: true)", false)]
    [InlineData("@skip(if: false)", true)]
    [InlineData("@include(if: true)", true)]
    [InlineData("@include(if: false)", false)]
    [InlineData("@include(if: true) @skip(if: true)", false)]
    public async Task Skip_and_include_with_literals_decide_whether_a_field_is_selected(string directives, bool included)
    {
        var response = await Executor.RunAsync($"{{ me {{ name age {directives} }} }}");

        Assert.Equal(included, response["data"]!["me"]!.AsObject().ContainsKey("age"));
    }

    [Theory]
    [InlineData(true, false, """{"name":"Ada"}""")]
    [InlineData(false, false, """{"name":"Ada","age":36}""")]
    [InlineData(false, true, """{"name":"Ada","age":36,"friends":[{"name":"Charles"}]}""")]
    public async Task Skip_and_include_read_variables_on_fields_spreads_and_inline_fragments(bool skipAge, bool withFriends, string me)
    {
        const string Query = """
            query($skipAge: Boolean!, $withFriends: Boolean!) {
              me { name ... on Person @skip(if: $skipAge) { age } ...Friends @include(if: $withFriends) }
            }
            fragment Friends on Person { friends { name } }
            """;

        // The same document runs with every combination: each gets its own plan, and the cached ones do not leak.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var response = await Executor.RunAsync(Query, $$"""{"skipAge": {{(skipAge ? "true" : "false")}}, "withFriends": {{(withFriends ? "true" : "false")}}}""");
            JsonEqual(me, response["data"]!["me"]);
        }
    }

    [Fact]
    public async Task A_fragment_spread_twice_in_one_selection_set_is_collected_once()
    {
        var response = await Executor.RunAsync("{ me { ...N ...N } } fragment N on Person { name }");

        JsonEqual("""{"data":{"me":{"name":"Ada"}}}""", response);
    }

    [Fact]
    public async Task Typename_names_the_object_type_at_every_level_including_the_root()
    {
        var response = await Executor.RunAsync("{ __typename me { __typename kind: __typename } }");

        JsonEqual("""{"data":{"__typename":"Query","me":{"__typename":"Person","kind":"Person"}}}""", response);
    }
}
