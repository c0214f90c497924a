using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Tests.Language;

// Source, Location and SourceLocation: turning offsets into lines and columns.
public class SourceTests
{
    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(2, 1, 3)]
    [InlineData(3, 2, 1)]
    [InlineData(6, 2, 4)]
    [InlineData(7, 3, 1)]
    [InlineData(8, 4, 1)]
    [InlineData(9, 4, 2)]
    [InlineData(100, 4, 3)]
    public void Lines_end_at_newline_carriage_return_newline_or_carriage_return(int offset, int line, int column)
    {
        var source = new Source("ab\ncd\r\n\ref");

        Assert.Equal(new SourceLocation(line, column), source.GetLocation(offset));
    }

    [Fact]
    public void A_line_is_read_without_its_terminator()
    {
        var source = new Source("one\r\ntwo\rthree\n");

        Assert.Equal("one", source.GetLine(1));
        Assert.Equal("two", source.GetLine(2));
        Assert.Equal("three", source.GetLine(3));
        Assert.Equal(string.Empty, source.GetLine(4));
        Assert.Equal(string.Empty, source.GetLine(9));
    }

    [Fact]
    public void An_excerpt_names_the_source_and_points_at_the_column()
    {
        var source = new Source("type T {\n  f: Int\n}", "schema.graphql");

        Assert.Equal("schema.graphql (2:6)\n2 |   f: Int\n  |      ^", source.Excerpt(new SourceLocation(2, 6)));
    }

    [Fact]
    public void A_source_without_a_name_is_a_graphql_request()
    {
        Assert.Equal("GraphQL request", new Source("{ a }").Name);
    }

    [Fact]
    public void A_node_location_agrees_with_the_source_position()
    {
        var document = Parser.Parse("\n\n  { field }");
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions));

        var location = Assert.NotNull(operation.Location);

        Assert.Equal(location.Source.GetLocation(location.Start), location.StartLocation);
        Assert.Equal(new SourceLocation(3, 3), location.StartLocation);
        Assert.Equal("{ field }", location.Text);
    }

    [Theory]
    [InlineData(KitchenSink.Executable)]
    [InlineData(KitchenSink.Schema)]
    public void Every_node_location_agrees_with_its_offsets_and_lies_within_its_parent(string source)
    {
        var document = Parser.Parse(source);

        Check(document, parent: null);

        static void Check(INode node, Location? parent)
        {
            var location = Assert.NotNull(node.Location);
            Assert.True(location.Start < location.End, $"{node.Kind} spans no text.");
            Assert.Equal(location.Source.GetLocation(location.Start), location.StartLocation);
            if (parent is { } outer)
            {
                Assert.True(outer.Start <= location.Start && location.End <= outer.End, $"{node.Kind} lies outside its parent.");
            }

            foreach (var child in AstWalker.GetChildren(node))
            {
                Check(child, location);
            }
        }
    }

    [Fact]
    public void A_node_location_spans_exactly_its_text()
    {
        var operation = Assert.IsType<OperationDefinitionNode>(Assert.Single(Parser.Parse("# c\n query Q($v: [Int!]! = [1]) @d { f(a: {b: $v}) }  ").Definitions));

        var variable = Assert.Single(operation.VariableDefinitions);
        var field = Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections));

        Assert.Equal("query Q($v: [Int!]! = [1]) @d { f(a: {b: $v}) }", operation.Location?.Text);
        Assert.Equal("$v: [Int!]! = [1]", variable.Location?.Text);
        Assert.Equal("[Int!]!", variable.Type.Location?.Text);
        Assert.Equal("[1]", variable.DefaultValue?.Location?.Text);
        Assert.Equal("@d", Assert.Single(operation.Directives).Location?.Text);
        Assert.Equal("{b: $v}", Assert.Single(field.Arguments).Value.Location?.Text);
    }
}
