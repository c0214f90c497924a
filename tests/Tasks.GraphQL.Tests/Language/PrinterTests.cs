using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// The printer's canonical form, node by node.
public class PrinterTests
{
    private static string Reprint(string source) => Printer.Print(Parser.Parse(source));

    [Fact]
    public void A_node_built_in_code_prints_without_locations()
    {
        var field = new FieldNode
        {
            Alias = new NameNode("a"),
            Name = new NameNode("b"),
            Arguments = [new ArgumentNode { Name = new NameNode("x"), Value = new IntValueNode { Value = "1" } }],
        };

        Assert.Equal("a: b(x: 1)", Printer.Print(field));
        Assert.Equal("a: b(x: 1)", field.ToString());
    }

    [Fact]
    public void A_query_without_name_variables_or_directives_prints_as_the_shorthand()
    {
        Assert.Equal("{\n  id\n  name\n}", Reprint("query { id, name }"));
    }

    [Fact]
    public void An_anonymous_query_with_variables_keeps_its_keyword()
    {
        Assert.Equal(
            "query ($foo: TestType) @testDirective {\n  id\n  name\n}",
            Reprint("query ($foo: TestType) @testDirective { id, name }"));
    }

    [Fact]
    public void Mutations_and_subscriptions_keep_their_keyword()
    {
        Assert.Equal("mutation {\n  id\n}", Reprint("mutation { id }"));
        Assert.Equal("subscription S {\n  id\n}", Reprint("subscription S { id }"));
    }

    [Fact]
    public void Nested_selections_are_indented_two_spaces_a_level()
    {
        Assert.Equal(
            "{\n  a {\n    b {\n      c\n    }\n    ...F\n    ... on T {\n      d\n    }\n  }\n}",
            Reprint("{a{b{c}...F...on T{d}}}"));
    }

    [Fact]
    public void Arguments_stay_on_one_line_up_to_eighty_characters()
    {
        // "field(first: 1, second: \"...\")" padded to exactly 80 characters after the indentation.
        var padding = new string('x', 80 - "field(first: 1, second: \"\")".Length);
        var fits = $"{{\n  field(first: 1, second: \"{padding}\")\n}}";

        Assert.Equal(fits, Reprint(fits));
    }

    [Fact]
    public void Arguments_that_would_pass_eighty_characters_go_one_per_line()
    {
        var padding = new string('x', 81 - "field(first: 1, second: \"\")".Length);

        Assert.Equal(
            $"{{\n  field(\n    first: 1\n    second: \"{padding}\"\n  )\n}}",
            Reprint($"{{ field(first: 1, second: \"{padding}\") }}"));
    }

    [Fact]
    public void Values_print_in_their_literal_form()
    {
        Assert.Equal(
            "{\n  f(a: [1, -2.5e3, \"s\", true, false, null, ENUM, $v], o: {x: {}, y: []})\n}",
            Reprint("{ f(a: [1 -2.5e3 \"s\" true false null ENUM $v] o: {x: {} y: []}) }"));
    }

    [Fact]
    public void Quoted_strings_escape_quotes_backslashes_and_control_characters()
    {
        var value = new StringValueNode { Value = "quote \" backslash \\ slash / \b\f\n\r\t \u0001 \u007F é 😀" };

        Assert.Equal("\"quote \\\" backslash \\\\ slash / \\b\\f\\n\\r\\t \\u0001 \\u007F é 😀\"", Printer.Print(value));
    }

    [Fact]
    public void A_block_string_that_cannot_read_back_the_same_prints_quoted()
    {
        var value = new StringValueNode { Value = "  every line\n  indented", IsBlock = true };

        Assert.Equal("\"  every line\\n  indented\"", Printer.Print(value));
    }

    [Fact]
    public void A_multi_line_block_string_is_indented_with_its_surroundings()
    {
        const string source = "{\n  f(text: \"\"\"\n    first\n      second\n\n    third\n  \"\"\")\n}";

        var printed = Reprint(source);

        Assert.Equal("{\n  f(text: \"\"\"\n  first\n    second\n\n  third\n  \"\"\")\n}", printed);
        var printedValue = (StringValueNode)Assert.Single(SingleSelection<FieldNode>(printed).Arguments).Value;
        Assert.Equal("first\n  second\n\nthird", printedValue.Value);
    }

    [Fact]
    public void A_block_string_ending_in_a_quote_closes_on_the_next_line()
    {
        Assert.Equal("\"\"\"ends with \"\n\"\"\"\nscalar S", Reprint("\"\"\"ends with \"\n\"\"\" scalar S"));
    }

    [Fact]
    public void Descriptions_print_above_what_they_describe()
    {
        Assert.Equal(
            "\"Type\"\ntype T {\n  \"\"\"Field\"\"\"\n  f: Int\n}",
            Reprint("\"Type\" type T { \"\"\"Field\"\"\" f: Int }"));
    }

    [Fact]
    public void Arguments_with_descriptions_go_one_per_line()
    {
        Assert.Equal(
            "type T {\n  f(\n    \"described\"\n    a: Int\n    b: Int = 1\n  ): Int\n}",
            Reprint("type T { f(\"described\" a: Int, b: Int = 1): Int }"));
    }

    [Fact]
    public void Variables_with_descriptions_go_one_per_line()
    {
        Assert.Equal(
            "query Q(\n  \"described\"\n  $a: Int\n) {\n  f\n}",
            Reprint("query Q(\"described\" $a: Int) { f }"));
    }

    [Fact]
    public void Union_members_interfaces_and_locations_are_separated_by_their_punctuators()
    {
        Assert.Equal("union U = A | B", Reprint("union U = | A | B"));
        Assert.Equal("type T implements A & B", Reprint("type T implements & A & B"));
        Assert.Equal("directive @d repeatable on FIELD | QUERY", Reprint("directive @d repeatable on | FIELD | QUERY"));
    }

    [Fact]
    public void Extensions_print_with_extend()
    {
        Assert.Equal(
            "extend schema @d {\n  query: Q\n}\n\nextend scalar S @d\n\nextend union U = A",
            Reprint("extend schema @d { query: Q } extend scalar S @d extend union U = A"));
    }

    [Fact]
    public void Definitions_are_separated_by_a_blank_line_and_nothing_trails()
    {
        Assert.Equal("scalar A\n\nscalar B", Reprint("scalar A scalar B"));
    }

    [Fact]
    public void Types_print_with_their_modifiers()
    {
        Assert.Equal("[[Int!]]!", Printer.Print(Parser.ParseType("[ [ Int ! ] ] !")));
    }

    [Fact]
    public void Every_node_kind_prints_on_its_own()
    {
        var document = Parser.Parse(KitchenSink.Executable + "\n" + KitchenSink.Schema);
        var kinds = new HashSet<NodeKind>();
        var nodes = new List<INode>();
        Collect(document);

        Assert.Equal(Enum.GetValues<NodeKind>().Length, kinds.Count);
        Assert.All(nodes, node => Assert.False(string.IsNullOrEmpty(Printer.Print(node))));

        void Collect(INode node)
        {
            kinds.Add(node.Kind);
            nodes.Add(node);
            foreach (var child in AstWalker.GetChildren(node))
            {
                Collect(child);
            }
        }
    }
}
