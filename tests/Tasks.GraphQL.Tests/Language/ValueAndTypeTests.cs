using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Spec §2.9 input values and §2.11 type references.
public class ValueAndTypeTests
{
    [Fact]
    public void Every_kind_of_value_parses_to_its_node()
    {
        var field = SingleSelection<FieldNode>(
            "{ f(i: -12, f: 1.5e3, s: \"text\", b: \"\"\"block\"\"\", t: true, n: null, e: ENUM_VALUE, l: [1, \"two\"], o: {a: 1, b: [2]}, v: $var) }");

        var values = field.Arguments.ToDictionary(argument => argument.Name.Value, argument => argument.Value);
        Assert.Equal("-12", Assert.IsType<IntValueNode>(values["i"]).Value);
        Assert.Equal("1.5e3", Assert.IsType<FloatValueNode>(values["f"]).Value);
        Assert.False(Assert.IsType<StringValueNode>(values["s"]).IsBlock);
        Assert.True(Assert.IsType<StringValueNode>(values["b"]).IsBlock);
        Assert.True(Assert.IsType<BooleanValueNode>(values["t"]).Value);
        Assert.IsType<NullValueNode>(values["n"]);
        Assert.Equal("ENUM_VALUE", Assert.IsType<EnumValueNode>(values["e"]).Value);
        Assert.Equal(2, Assert.IsType<ListValueNode>(values["l"]).Values.Count);
        Assert.Equal(["a", "b"], Assert.IsType<ObjectValueNode>(values["o"]).Fields.Select(objectField => objectField.Name.Value));
        Assert.Equal("var", Assert.IsType<VariableNode>(values["v"]).Name.Value);
    }

    [Fact]
    public void Empty_lists_and_objects_are_values()
    {
        Assert.Empty(Assert.IsType<ListValueNode>(ArgumentValue("a: []")).Values);
        Assert.Empty(Assert.IsType<ObjectValueNode>(ArgumentValue("a: {}")).Fields);
    }

    [Fact]
    public void False_is_a_boolean_not_an_enum_value()
    {
        Assert.False(Assert.IsType<BooleanValueNode>(ArgumentValue("a: false")).Value);
    }

    [Fact]
    public void Enum_values_are_case_sensitive_so_True_is_an_enum_value()
    {
        Assert.Equal("True", Assert.IsType<EnumValueNode>(ArgumentValue("a: True")).Value);
        Assert.Equal("NULL", Assert.IsType<EnumValueNode>(ArgumentValue("a: NULL")).Value);
    }

    [Fact]
    public void Values_nest()
    {
        var value = Parser.ParseValue("[[1], {a: [{b: {c: []}}]}]");

        var outer = Assert.IsType<ListValueNode>(value);
        Assert.IsType<ListValueNode>(outer.Values[0]);
        var objectValue = Assert.IsType<ObjectValueNode>(outer.Values[1]);
        var inner = Assert.IsType<ListValueNode>(Assert.Single(objectValue.Fields).Value);
        Assert.IsType<ObjectValueNode>(Assert.Single(inner.Values));
    }

    [Fact]
    public void ParseValue_reads_exactly_one_value_and_allows_variables()
    {
        Assert.IsType<VariableNode>(Parser.ParseValue("$v"));
        Assert.Equal("Expected <EOF>, found Int \"2\".", Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue("1 2")).Reason);
        Assert.Equal("Unexpected <EOF>.", Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue("")).Reason);
    }

    [Fact]
    public void ParseConstValue_rejects_variables_at_any_depth()
    {
        Assert.IsType<ListValueNode>(Parser.ParseConstValue("[1, {a: B}]"));

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseConstValue("[1, {a: $b}]"));

        Assert.Equal("Syntax Error: Unexpected variable \"$b\" in constant value.", error.Message);
        Assert.Equal(new SourceLocation(1, 9), error.Locations[0]);
        Assert.Equal(SyntaxErrorCode.UnexpectedVariable, error.Code);
    }

    [Fact]
    public void Strings_in_values_keep_their_decoded_value()
    {
        Assert.Equal("tab\there", Assert.IsType<StringValueNode>(Parser.ParseValue("\"tab\\there\"")).Value);
    }

    [Fact]
    public void ParseType_reads_named_list_and_non_null_types()
    {
        var type = Parser.ParseType("[[String!]]!");

        var nonNull = Assert.IsType<NonNullTypeNode>(type);
        var outerList = Assert.IsType<ListTypeNode>(nonNull.Type);
        var innerList = Assert.IsType<ListTypeNode>(outerList.Type);
        var innerNonNull = Assert.IsType<NonNullTypeNode>(innerList.Type);
        Assert.Equal("String", Assert.IsType<NamedTypeNode>(innerNonNull.Type).Name.Value);
        Assert.Equal("[[String!]]!", Printer.Print(type));
    }

    [Theory]
    [InlineData("String!!", "Expected <EOF>, found \"!\".")]
    [InlineData("[String", "Expected \"]\", found <EOF>.")]
    [InlineData("!", "Expected Name, found \"!\".")]
    [InlineData("[]", "Expected Name, found \"]\".")]
    public void ParseType_rejects_what_is_not_exactly_one_type(string source, string reason)
    {
        Assert.Equal(reason, Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType(source)).Reason);
    }

    [Fact]
    public void A_type_location_covers_its_modifiers()
    {
        var type = Parser.ParseType(" [Int]! ");

        Assert.Equal("[Int]!", type.Location?.Text);
        Assert.Equal("[Int]", ((NonNullTypeNode)type).Type.Location?.Text);
    }
}
