using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>
/// Spec §6.1.2 CoerceVariableValues with the input coercion tables of §3.5 (scalars), §3.10 (input objects and
/// OneOf) and §3.11 (lists): what a resolver receives for each JSON value, and graphql-js's messages for those refused.
/// </summary>
public sealed class VariableCoercionSpecs
{
    private const string Sdl = """
        enum Color { RED GREEN }
        input ExampleInputObject { a: String b: Int! c: Int = 7 }
        input ExampleOneOf @oneOf { a: String b: Int }
        type Query {
          int(v: Int): String
          float(v: Float): String
          string(v: String): String
          boolean(v: Boolean): String
          id(v: ID): String
          ints(v: [Int]): String
          nested(v: [[Int]]): String
          object(v: ExampleInputObject): String
          oneOf(v: ExampleOneOf): String
          color(v: Color): String
          requiredInt(v: Int!): String
          withDefault(v: Int = 42): String
        }
        """;

    private static readonly RequestExecutor Executor = Echoing();

    [Theory]
    [InlineData("Int", "int", "1", "1")]
    [InlineData("Int", "int", "-2147483648", "-2147483648")]
    [InlineData("Float", "float", "1", "1.0d")]
    [InlineData("Float", "float", "1.5", "1.5d")]
    [InlineData("String", "string", "\"abc\"", "\"abc\"")]
    [InlineData("Boolean", "boolean", "true", "true")]
    [InlineData("ID", "id", "\"4\"", "\"4\"")]
    [InlineData("ID", "id", "4", "\"4\"")]
    [InlineData("Int", "int", "null", "null")]
    [InlineData("[Int]", "ints", "[1, 2, 3]", "[1, 2, 3]")]
    [InlineData("[Int]", "ints", "1", "[1]")]
    [InlineData("[Int]", "ints", "null", "null")]
    [InlineData("[[Int]]", "nested", "[[1], [2, 3]]", "[[1], [2, 3]]")]
    [InlineData("[[Int]]", "nested", "[1, 2, 3]", "[[1], [2], [3]]")]
    [InlineData("[[Int]]", "nested", "[1, null, 3]", "[[1], null, [3]]")]
    [InlineData("[[Int]]", "nested", "1", "[[1]]")]
    [InlineData("ExampleInputObject", "object", """{"a": "abc", "b": 123}""", "{a: \"abc\", b: 123, c: 7}")]
    [InlineData("ExampleInputObject", "object", """{"a": null, "b": 123}""", "{a: null, b: 123, c: 7}")]
    [InlineData("ExampleInputObject", "object", """{"b": 123, "c": 1}""", "{b: 123, c: 1}")]
    [InlineData("ExampleOneOf", "oneOf", """{"a": "abc"}""", "{a: \"abc\"}")]
    [InlineData("ExampleOneOf", "oneOf", """{"b": 123}""", "{b: 123}")]
    [InlineData("Color", "color", "\"GREEN\"", "\"GREEN\"")]
    public async Task A_valid_variable_reaches_the_resolver_coerced_to_its_type(string type, string field, string json, string received)
    {
        var response = await Executor.RunAsync($"query($v: {type}) {{ {field}(v: $v) }}", $$"""{"v": {{json}}}""");

        Assert.Empty(response.Messages());
        Assert.Equal(received, (string?)response["data"]![field]);
    }

    [Theory]
    [InlineData("Int", "\"123\"", "Variable \"$v\" got invalid value \"123\"; Expected type \"Int\". Int cannot represent non-integer value: \"123\"")]
    [InlineData("Int", "1.5", "Variable \"$v\" got invalid value 1.5; Expected type \"Int\". Int cannot represent non-integer value: 1.5")]
    [InlineData("Int", "2147483648", "Variable \"$v\" got invalid value 2147483648; Expected type \"Int\". Int cannot represent non 32-bit signed integer value: 2147483648")]
    [InlineData("Float", "\"1\"", "Variable \"$v\" got invalid value \"1\"; Expected type \"Float\". Float cannot represent non numeric value: \"1\"")]
    [InlineData("String", "1", "Variable \"$v\" got invalid value 1; Expected type \"String\". String cannot represent a non string value: 1")]
    [InlineData("Boolean", "1", "Variable \"$v\" got invalid value 1; Expected type \"Boolean\". Boolean cannot represent a non boolean value: 1")]
    [InlineData("ID", "1.5", "Variable \"$v\" got invalid value 1.5; Expected type \"ID\". ID cannot represent value: 1.5")]
    [InlineData("[[Int]]", "[[1], [\"b\"]]", "Variable \"$v\" got invalid value \"b\" at \"v[1][0]\"; Expected type \"Int\". Int cannot represent non-integer value: \"b\"")]
    [InlineData("ExampleInputObject", "{\"a\": \"abc\"}", "Variable \"$v\" got invalid value {\"a\": \"abc\"}; Field \"b\" of required type \"Int!\" was not provided.")]
    [InlineData("ExampleInputObject", "{\"b\": null}", "Variable \"$v\" got invalid value null at \"v.b\"; Expected non-nullable type \"Int!\" not to be null.")]
    [InlineData("ExampleInputObject", "{\"b\": \"123\"}", "Variable \"$v\" got invalid value \"123\" at \"v.b\"; Expected type \"Int\". Int cannot represent non-integer value: \"123\"")]
    [InlineData("ExampleInputObject", "{\"b\": 1, \"d\": 2}", "Variable \"$v\" got invalid value {\"b\": 1, \"d\": 2}; Field \"d\" is not defined by type \"ExampleInputObject\".")]
    [InlineData("ExampleInputObject", "\"abc\"", "Variable \"$v\" got invalid value \"abc\"; Expected type \"ExampleInputObject\" to be an object.")]
    [InlineData("ExampleOneOf", "{\"a\": null}", "Variable \"$v\" got invalid value null at \"v.a\"; Field \"a\" must be non-null.")]
    [InlineData("ExampleOneOf", "{\"a\": \"abc\", \"b\": 123}", "Variable \"$v\" got invalid value {\"a\": \"abc\", \"b\": 123}; Exactly one key must be specified for OneOf type \"ExampleOneOf\".")]
    [InlineData("ExampleOneOf", "{}", "Variable \"$v\" got invalid value {}; Exactly one key must be specified for OneOf type \"ExampleOneOf\".")]
    [InlineData("Color", "\"PURPLE\"", "Variable \"$v\" got invalid value \"PURPLE\"; Value \"PURPLE\" does not exist in \"Color\" enum.")]
    [InlineData("Color", "1", "Variable \"$v\" got invalid value 1; Enum \"Color\" cannot represent non-string value: 1.")]
    public async Task An_invalid_variable_is_a_request_error_saying_where_and_why(string type, string json, string message)
    {
        var field = type switch
        {
            "[Int]" => "ints",
            "[[Int]]" => "nested",
            "ExampleInputObject" => "object",
            "ExampleOneOf" => "oneOf",
            "Color" => "color",
            _ => type.ToLowerInvariant(),
        };

        var response = await Executor.RunAsync($"query($v: {type}) {{ {field}(v: $v) }}", $$"""{"v": {{json}}}""");

        var error = response.SingleError();
        Assert.Equal(message, (string?)error["message"]);
        Assert.Equal(ErrorCodes.BadUserInput, error.Code());
        Assert.Equal("""[{"line":1,"column":7}]""", error["locations"]!.ToJsonString());
        Assert.False(response.ContainsKey("data"));
    }

    [Fact]
    public async Task Every_invalid_item_of_a_list_is_reported()
    {
        var response = await Executor.RunAsync("query($v: [Int]) { ints(v: $v) }", """{"v": [1, "b", true]}""");

        Assert.Equal(
            [
                "Variable \"$v\" got invalid value \"b\" at \"v[1]\"; Expected type \"Int\". Int cannot represent non-integer value: \"b\"",
                "Variable \"$v\" got invalid value true at \"v[2]\"; Expected type \"Int\". Int cannot represent non-integer value: true",
            ],
            response.Messages());
    }

    [Fact]
    public async Task A_required_variable_must_be_given_and_must_not_be_null()
    {
        var missing = await Executor.RunAsync("query($v: Int!) { requiredInt(v: $v) }", "{}");
        var nulled = await Executor.RunAsync("query($v: Int!) { requiredInt(v: $v) }", """{"v": null}""");

        Assert.Equal(["Variable \"$v\" of required type \"Int!\" was not provided."], missing.Messages());
        Assert.Equal(["Variable \"$v\" of non-null type \"Int!\" must not be null."], nulled.Messages());
    }

    [Fact]
    public async Task A_variable_default_applies_when_the_variable_is_not_given_but_an_explicit_null_stays_null()
    {
        var defaulted = await Executor.RunAsync("query($v: Int = 5) { int(v: $v) }");
        var nulled = await Executor.RunAsync("query($v: Int = 5) { int(v: $v) }", """{"v": null}""");

        Assert.Equal("5", (string?)defaulted["data"]!["int"]);
        Assert.Equal("null", (string?)nulled["data"]!["int"]);
    }

    [Fact]
    public async Task An_argument_whose_variable_is_not_given_takes_the_argument_default()
    {
        var response = await Executor.RunAsync("query($v: Int) { withDefault(v: $v) }");

        Assert.Equal("42", (string?)response["data"]!["withDefault"]);
    }

    [Fact]
    public async Task Variables_that_are_not_a_json_object_are_refused()
    {
        var response = await Executor.RunAsync("query($v: Int) { int(v: $v) }", "[1]");

        Assert.Equal(["Variables must be given as a JSON object."], response.Messages());
    }

    private static RequestExecutor Echoing()
    {
        var builder = SchemaBuilder.FromSdl(Sdl);
        foreach (var field in new[] { "int", "float", "string", "boolean", "id", "ints", "nested", "object", "oneOf", "color", "requiredInt", "withDefault" })
        {
            builder.Resolve("Query", field, context => context.Arguments.TryGetValue("v", out var value) ? ValueDescription.Describe(value) : "absent");
        }

        return builder.Executor();
    }
}
