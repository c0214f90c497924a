using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// The kitchen sinks exercise the whole grammar; printing them must give their canonical form, and
// parsing that form must give the same tree back.
public class KitchenSinkTests
{
    [Fact]
    public void The_executable_kitchen_sink_parses()
    {
        var document = Parser.Parse(KitchenSink.Executable);

        Assert.Equal(6, document.Definitions.Count);
        Assert.Equal(
            [OperationType.Query, OperationType.Mutation, OperationType.Subscription],
            document.Definitions.OfType<OperationDefinitionNode>().Take(3).Select(operation => operation.Operation));
    }

    [Fact]
    public void The_schema_kitchen_sink_parses()
    {
        var document = Parser.Parse(KitchenSink.Schema);

        Assert.Equal(42, document.Definitions.Count);
        Assert.All(document.Definitions, definition => Assert.True(definition is ITypeSystemDefinitionNode or ITypeSystemExtensionNode));
    }

    [Fact]
    public void The_executable_kitchen_sink_prints_in_canonical_form()
    {
        Assert.Equal(KitchenSink.PrintedExecutable, Printer.Print(Parser.Parse(KitchenSink.Executable)));
    }

    [Fact]
    public void The_schema_kitchen_sink_prints_in_canonical_form()
    {
        Assert.Equal(KitchenSink.PrintedSchema, Printer.Print(Parser.Parse(KitchenSink.Schema)));
    }

    [Theory]
    [InlineData(KitchenSink.Executable)]
    [InlineData(KitchenSink.Schema)]
    public void Parsing_the_printed_kitchen_sink_gives_the_same_tree(string source)
    {
        var parsed = Parser.Parse(source);

        var reparsed = Parser.Parse(Printer.Print(parsed));

        StructurallyEqual(parsed, reparsed);
    }

    [Theory]
    [InlineData(KitchenSink.PrintedExecutable)]
    [InlineData(KitchenSink.PrintedSchema)]
    public void Printing_is_idempotent(string printed)
    {
        Assert.Equal(printed, Printer.Print(Parser.Parse(printed)));
    }

    [Fact]
    public void The_executable_kitchen_sink_decodes_every_string_escape()
    {
        var document = Parser.Parse(KitchenSink.Executable);
        var shorthand = Assert.IsType<OperationDefinitionNode>(document.Definitions[^1]);
        var echo = shorthand.SelectionSet.Selections.OfType<FieldNode>().Single(field => field.Name.Value == "echo");

        var text = Assert.IsType<StringValueNode>(Assert.Single(echo.Arguments).Value).Value;

        Assert.Equal("é 😀 😀 😀 \" \\ / \b \f \n \r \t", text);
    }

    [Fact]
    public void The_schema_kitchen_sink_keeps_block_and_quoted_descriptions_apart()
    {
        var document = Parser.Parse(KitchenSink.Schema);
        var site = document.Definitions.OfType<EnumTypeDefinitionNode>().First(type => type.Name.Value == "Site");

        Assert.Equal([true, true, false], site.Values.Select(value => value.Description!.IsBlock));
        Assert.Equal("This is a description of the `DESKTOP` value", site.Values[0].Description!.Value);
    }
}
