using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Spec §2.9.4 block strings and BlockStringValue().
public class BlockStringTests
{
    [Theory]
    [InlineData("\"\"\"\"\"\"", "")]
    [InlineData("\"\"\"simple\"\"\"", "simple")]
    [InlineData("\"\"\" white space \"\"\"", " white space ")]
    [InlineData("\"\"\"contains \" quote\"\"\"", "contains \" quote")]
    [InlineData("\"\"\"contains \\\"\"\" triple quote\"\"\"", "contains \"\"\" triple quote")]
    [InlineData("\"\"\"multi\nline\"\"\"", "multi\nline")]
    [InlineData("\"\"\"multi\rline\r\nnormalized\"\"\"", "multi\nline\nnormalized")]
    [InlineData("\"\"\"unescaped \\n\\r\\b\\t\\f\\u1234\"\"\"", "unescaped \\n\\r\\b\\t\\f\\u1234")]
    [InlineData("\"\"\"unescaped unicode outside BMP 😀\"\"\"", "unescaped unicode outside BMP 😀")]
    [InlineData("\"\"\"slashes \\\\ \\/\"\"\"", "slashes \\\\ \\/")]
    [InlineData("\"\"\"  first line keeps its indentation\n  second loses it\"\"\"", "  first line keeps its indentation\nsecond loses it")]
    [InlineData("\"\"\"\n\n   \n\"\"\"", "")]
    [InlineData("\"\"\"\n\tTabs\n\t  count as\n\tindentation\n\"\"\"", "Tabs\n  count as\nindentation")]
    [InlineData("\"\"\"a\\\"\"\"\"\"\"", "a\"\"\"")]
    public void A_block_string_takes_its_raw_text_through_BlockStringValue(string source, string value)
    {
        var token = LexOne(source);

        Assert.Equal(TokenKind.BlockStringValue, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Fact]
    public void A_block_string_strips_common_indentation_and_blank_edge_lines()
    {
        var token = LexOne("\"\"\"\n\n    spans\n      multiple\n        lines\n\n    \"\"\"");

        Assert.Equal("spans\n  multiple\n    lines", token.Value);
    }

    [Fact]
    public void The_spec_example_of_a_block_string_equals_its_quoted_form()
    {
        const string block = """"
            mutation {
              sendEmail(message: """
                Hello,
                  World!

                Yours,
                  GraphQL.
              """)
            }
            """";
        const string quoted = """
            mutation {
              sendEmail(message: "Hello,\n  World!\n\nYours,\n  GraphQL.")
            }
            """;

        var blockValue = (StringValueNode)Assert.Single(SingleSelection<FieldNode>(block).Arguments).Value;
        var quotedValue = (StringValueNode)Assert.Single(SingleSelection<FieldNode>(quoted).Arguments).Value;

        Assert.Equal(quotedValue.Value, blockValue.Value);
        Assert.True(blockValue.IsBlock);
        Assert.False(quotedValue.IsBlock);
    }

    [Fact]
    public void Lines_inside_a_block_string_count_towards_later_token_positions()
    {
        var tokens = Lex("\"\"\"one\ntwo\r\nthree\"\"\" after");

        Assert.Equal(3, tokens[1].Line);
        Assert.Equal(10, tokens[1].Column);
    }

    [Theory]
    [InlineData("\"\"\"", 4)]
    [InlineData("\"\"\"no end", 10)]
    [InlineData("\"\"\"escaped end \\\"\"\"", 20)]
    public void A_block_string_must_be_closed(string source, int column)
    {
        var error = LexFails(source, "Syntax Error: Unterminated string.", 1, column);

        Assert.Equal(SyntaxErrorCode.UnterminatedString, error.Code);
    }

    [Fact]
    public void A_lone_surrogate_inside_a_block_string_is_an_invalid_character()
    {
        LexFails("\"\"\"\nab\uDC00\"\"\"", "Syntax Error: Invalid character within String: U+DC00.", 2, 3);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("single line", "single line")]
    [InlineData("  indented single line", "  indented single line")]
    [InlineData("\n  a\n    b\n  c\n", "a\n  b\nc")]
    [InlineData("first\n  a\n    b", "first\na\n  b")]
    [InlineData("\r\n  a\r\n\r\n  b\r\n", "a\n\nb")]
    [InlineData("\n  a\n \n  b", "a\n\nb")]
    [InlineData("  \n  a\n    \n", "a")]
    [InlineData("\n  a\n     \n  b", "a\n   \nb")]
    public void Dedent_is_the_spec_BlockStringValue_algorithm(string raw, string value)
    {
        Assert.Equal(value, BlockString.Dedent(raw));
    }

    [Fact]
    public void Dedent_handles_raw_text_longer_than_its_stack_buffer()
    {
        var lines = Enumerable.Range(0, 200).Select(i => "    line " + i);
        var raw = "\n" + string.Join("\n", lines) + "\n";

        var value = BlockString.Dedent(raw);

        Assert.Equal(string.Join("\n", Enumerable.Range(0, 200).Select(i => "line " + i)), value);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("simple", true)]
    [InlineData("  leading space on a single line", true)]
    [InlineData("ends with a quote\"", true)]
    [InlineData("multi\nline", true)]
    [InlineData("  indented first\nline", true)]
    [InlineData("a\n  b\n\nc", true)]
    [InlineData("   ", false)]
    [InlineData("\nleading blank line", false)]
    [InlineData("trailing blank line\n  ", false)]
    [InlineData("  every line\n  indented", false)]
    [InlineData("carriage\rreturn", false)]
    public void A_value_can_be_printed_as_a_block_string_only_if_it_reads_back_the_same(string value, bool printable)
    {
        Assert.Equal(printable, BlockString.CanPrintAsBlock(value));
        if (printable)
        {
            Assert.Equal(value, LexOne(BlockString.Print(value)).Value);
        }
    }

    [Theory]
    [InlineData("simple", "\"\"\"simple\"\"\"")]
    [InlineData("", "\"\"\"\"\"\"")]
    [InlineData("ends with a quote\"", "\"\"\"ends with a quote\"\n\"\"\"")]
    [InlineData("ends with a backslash\\", "\"\"\"ends with a backslash\\\n\"\"\"")]
    [InlineData("has \"\"\" inside", "\"\"\"has \\\"\"\" inside\"\"\"")]
    [InlineData("two\nlines", "\"\"\"\ntwo\nlines\n\"\"\"")]
    [InlineData("  indented\nfirst", "\"\"\"\n  indented\nfirst\n\"\"\"")]
    public void Print_writes_a_block_string_that_reads_back_as_the_value(string value, string printed)
    {
        Assert.Equal(printed, BlockString.Print(value));
        Assert.Equal(value, LexOne(printed).Value);
    }

    [Fact]
    public void A_value_with_a_lone_surrogate_cannot_be_printed_as_a_block_string()
    {
        Assert.False(BlockString.CanPrintAsBlock("lone \uD800 surrogate"));
    }

    [Fact]
    public void Print_refuses_a_value_a_block_string_cannot_hold()
    {
        Assert.Throws<ArgumentException>(() => BlockString.Print("  all\n  indented"));
    }
}
