using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// ParserOptions.MaxTokens and MaxDepth turn hostile documents into syntax errors.
public class ParserLimitsTests
{
    private static readonly ParserOptions Unlimited = new() { MaxTokens = int.MaxValue, MaxDepth = int.MaxValue };

    [Fact]
    public void The_defaults_allow_fifteen_thousand_tokens_and_two_hundred_levels()
    {
        Assert.Equal(15_000, ParserOptions.Default.MaxTokens);
        Assert.Equal(200, ParserOptions.Default.MaxDepth);
    }

    [Fact]
    public void A_document_of_exactly_max_tokens_parses()
    {
        var document = Parser.Parse("{ a b c }", new ParserOptions { MaxTokens = 5 });

        Assert.Single(document.Definitions);
    }

    [Fact]
    public void A_document_with_more_than_max_tokens_is_a_syntax_error_at_the_first_token_too_many()
    {
        var error = ParseFails(
            "{ a b c }",
            "Syntax Error: Document contains more than 3 tokens. Parsing aborted.",
            1,
            7,
            new ParserOptions { MaxTokens = 3 });

        Assert.Equal(SyntaxErrorCode.TooManyTokens, error.Code);
    }

    [Fact]
    public void Ignored_tokens_do_not_count_towards_max_tokens()
    {
        var document = Parser.Parse("# comment\n{ a,,,, b }", new ParserOptions { MaxTokens = 4 });

        Assert.Single(document.Definitions);
    }

    [Fact]
    public void The_default_token_limit_stops_a_huge_flat_document()
    {
        var source = "{ " + string.Concat(Enumerable.Repeat("a ", 20_000)) + "}";

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal(SyntaxErrorCode.TooManyTokens, error.Code);
    }

    [Fact]
    public void Selection_sets_nested_deeper_than_max_depth_are_a_syntax_error()
    {
        Parser.Parse("{ a { b { c } } }", new ParserOptions { MaxDepth = 3 });

        var error = ParseFails(
            "{ a { b { c { d } } } }",
            "Syntax Error: Document exceeds the maximum nesting depth of 3.",
            1,
            13,
            new ParserOptions { MaxDepth = 3 });

        Assert.Equal(SyntaxErrorCode.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public void Values_and_selection_sets_count_towards_the_same_depth()
    {
        Parser.Parse("{ f(a: [{b: 1}]) }", new ParserOptions { MaxDepth = 3 });

        ParseFails(
            "{ f(a: [{b: [1]}]) }",
            "Syntax Error: Document exceeds the maximum nesting depth of 3.",
            1,
            13,
            new ParserOptions { MaxDepth = 3 });
    }

    [Fact]
    public void List_types_nested_deeper_than_max_depth_are_a_syntax_error()
    {
        ParseFails(
            "query Q($v: [[[Int]]]) { f }",
            "Syntax Error: Document exceeds the maximum nesting depth of 2.",
            1,
            15,
            new ParserOptions { MaxDepth = 2 });
    }

    [Fact]
    public void Depth_is_released_when_a_nested_structure_closes()
    {
        var document = Parser.Parse("{ a { b } c { d } e { f } }", new ParserOptions { MaxDepth = 2 });

        Assert.Single(document.Definitions);
    }

    [Fact]
    public void A_hundred_thousand_nested_lists_in_a_value_are_rejected_cleanly()
    {
        var source = "{ f(a: " + new string('[', 100_000) + " }";

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal(SyntaxErrorCode.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public void A_hundred_thousand_nested_lists_given_to_ParseValue_are_rejected_cleanly()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseValue(new string('[', 100_000)));

        Assert.Equal(SyntaxErrorCode.MaxDepthExceeded, error.Code);
        Assert.Equal(new SourceLocation(1, 201), error.Locations[0]);
    }

    [Fact]
    public void A_hundred_thousand_nested_list_types_are_rejected_cleanly()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.ParseType(new string('[', 100_000) + "Int"));

        Assert.Equal(SyntaxErrorCode.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public void A_hundred_thousand_nested_selection_sets_are_rejected_cleanly()
    {
        var source = string.Concat(Enumerable.Repeat("{ a ", 100_000));

        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source));

        Assert.Equal(SyntaxErrorCode.MaxDepthExceeded, error.Code);
    }

    [Fact]
    public void Without_limits_the_remaining_stack_still_bounds_the_nesting()
    {
        // A small stack makes the point: even with no configured limits, a deep document fails with a
        // syntax error instead of overflowing the stack and killing the process.
        var source = "{ f(a: " + new string('[', 1_000_000) + " }";
        Exception? caught = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    Parser.Parse(source, Unlimited);
                }
                catch (Exception exception)
                {
                    caught = exception;
                }
            },
            maxStackSize: 256 * 1024);

        thread.Start();
        thread.Join();

        var error = Assert.IsType<GraphQLSyntaxException>(caught);
        Assert.Equal(SyntaxErrorCode.MaxDepthExceeded, error.Code);
    }
}
