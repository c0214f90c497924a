using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>Spec §6.4.1 CoerceArgumentValues: literals, variables inside literals, defaults, and the errors left for execution.</summary>
public sealed class ArgumentCoercionSpecs
{
    private const string Sdl = """
        enum Color { RED GREEN }
        input Point { x: Int! y: Int = 0 }
        input Pick @oneOf { id: ID name: String }
        type Query {
          echo(int: Int, list: [Int], point: Point, color: Color, pick: Pick, limit: Int = 10): String
          required(value: Int!): String
        }
        """;

    private static readonly RequestExecutor Executor = Echoing(null);

    [Theory]
    [InlineData("echo(int: 3)", "{int: 3, limit: 10}")]
    [InlineData("echo(list: 1)", "{list: [1], limit: 10}")]
    [InlineData("echo(list: [1, 2])", "{list: [1, 2], limit: 10}")]
    [InlineData("echo(point: {x: 1})", "{point: {x: 1, y: 0}, limit: 10}")]
    [InlineData("echo(color: GREEN)", "{color: \"GREEN\", limit: 10}")]
    [InlineData("echo(pick: {name: \"a\"})", "{pick: {name: \"a\"}, limit: 10}")]
    [InlineData("echo(limit: null)", "{limit: null}")]
    public async Task Literal_arguments_are_coerced_and_defaults_fill_the_missing_ones(string selection, string received)
    {
        var response = await Executor.RunAsync($"{{ {selection} }}");

        Assert.Empty(response.Messages());
        Assert.Equal(received, (string?)response["data"]!["echo"]);
    }

    [Fact]
    public async Task Variables_inside_list_and_object_literals_are_substituted()
    {
        var response = await Executor.RunAsync("query($x: Int!, $i: Int, $missing: Int) { echo(point: {x: $x}, list: [1, $i, $missing]) }", """{"x": 5, "i": 2}""");

        Assert.Equal("{list: [1, 2, null], point: {x: 5, y: 0}, limit: 10}", (string?)response["data"]!["echo"]);
    }

    [Fact]
    public async Task Enum_arguments_reach_resolvers_as_the_values_bound_to_the_enum()
    {
        var bound = Echoing(builder => builder.BindEnum("Color", new Dictionary<string, object> { ["RED"] = ConsoleColor.Red, ["GREEN"] = ConsoleColor.Green }));

        var response = await bound.RunAsync("{ echo(color: GREEN) }");

        Assert.Equal("{color: Green (ConsoleColor), limit: 10}", (string?)response["data"]!["echo"]);
    }

    [Fact]
    public async Task An_argument_that_cannot_be_coerced_at_execution_is_a_field_error()
    {
        var unvalidated = Echoing(null, TestSchemas.WithoutValidation);

        var response = await unvalidated.RunAsync("{ echo(int: \"three\") required }");

        Assert.Equal(
            ["Argument \"int\" has invalid value \"three\".", "Argument \"value\" of required type \"Int!\" was not provided."],
            response.Messages());
        Assert.Equal(ErrorCodes.BadUserInput, response["errors"]![0]!.AsObject().Code());
        TestRequests.JsonEqual("""{"echo":null,"required":null}""", response["data"]);
    }

    private static RequestExecutor Echoing(Action<SchemaBuilder>? configure, ExecutionOptions? options = null)
    {
        var builder = SchemaBuilder.FromSdl(Sdl)
            .Resolve("Query", "echo", context => ValueDescription.Describe(context.Arguments))
            .Resolve("Query", "required", context => ValueDescription.Describe(context.Arguments));
        configure?.Invoke(builder);
        return builder.Executor(options);
    }
}
