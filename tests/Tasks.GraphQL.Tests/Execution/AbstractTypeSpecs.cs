using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Spec §6.4.3 ResolveAbstractType: how the executor finds the object type of an interface or union value.</summary>
public sealed class AbstractTypeSpecs
{
    private const string Sdl = """
        interface Pet { name: String }
        type Dog implements Pet { name: String barks: Boolean }
        type Cat implements Pet { name: String meows: Boolean }
        union Result = Dog | Cat
        type Query { pets: [Pet] results: [Result] pet: Pet }
        """;

    private const string Query = "{ pets { __typename name ... on Dog { barks } ... on Cat { meows } } }";

    private const string Expected = """
        {"data":{"pets":[{"__typename":"Dog","name":"Rex","barks":true},{"__typename":"Cat","name":"Tom","meows":false}]}}
        """;

    private static readonly object[] Pets = [new Dog("Rex", true), new Cat("Tom", false)];

    [Fact]
    public async Task The_abstract_types_resolve_type_function_decides()
    {
        var executor = Builder().ResolveType("Pet", value => value is Dog ? "Dog" : "Cat").Executor();

        JsonEqual(Expected, await executor.RunAsync(Query));
    }

    [Fact]
    public async Task Without_a_resolve_type_function_the_possible_types_is_type_of_checks_decide()
    {
        var executor = Builder().IsTypeOf("Dog", value => value is Dog).IsTypeOf("Cat", value => value is Cat).Executor();

        JsonEqual(Expected, await executor.RunAsync(Query));
    }

    [Fact]
    public async Task Without_either_a_clr_type_named_like_a_possible_type_or_a_typename_entry_decides()
    {
        var executor = SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "pets", _ => Pets)
            .Resolve("Query", "results", _ => new object[] { new Dictionary<string, object?> { ["__typename"] = "Cat", ["name"] = "Felix", ["meows"] = true } })
            .Executor();

        JsonEqual(Expected, await executor.RunAsync(Query));
        JsonEqual("""{"data":{"results":[{"__typename":"Cat","meows":true}]}}""", await executor.RunAsync("{ results { __typename ... on Cat { meows } } }"));
    }

    [Fact]
    public async Task A_value_of_no_known_type_is_a_field_error_explaining_how_to_resolve_it()
    {
        var executor = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "pet", _ => new { name = "Nemo" }).Executor();

        var response = await executor.RunAsync("{ pet { name } }");

        Assert.Equal(
            ["Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.pet\". Either the \"Pet\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function."],
            response.Messages());
        Assert.Equal(ErrorCodes.InvalidResult, response.SingleError().Code());
    }

    [Fact]
    public async Task A_type_resolved_outside_the_possible_types_is_a_field_error()
    {
        var executor = SchemaBuilder.FromSdl(Sdl + " type Fish { name: String }")
            .Resolve("Query", "pet", _ => new Dog("Rex", true))
            .ResolveType("Pet", _ => "Fish")
            .Executor();

        var response = await executor.RunAsync("{ pet { name } }");

        Assert.Equal(["Runtime Object type \"Fish\" is not a possible type for \"Pet\"."], response.Messages());
    }

    [Fact]
    public async Task An_object_type_with_is_type_of_refuses_a_value_that_is_not_of_it()
    {
        var executor = SchemaBuilder.FromSdl("type Dog { name: String } type Query { dog: Dog }")
            .Resolve("Query", "dog", _ => new Cat("Tom", false))
            .IsTypeOf("Dog", value => value is Dog)
            .Executor();

        var response = await executor.RunAsync("{ dog { name } }");

        Assert.StartsWith("Expected value of type \"Dog\" but got:", response.Messages().Single(), StringComparison.Ordinal);
    }

    private static SchemaBuilder Builder() => SchemaBuilder.FromSdl(Sdl).Resolve("Query", "pets", _ => Pets);

    private sealed record Dog(string Name, bool Barks);

    private sealed record Cat(string Name, bool Meows);
}
