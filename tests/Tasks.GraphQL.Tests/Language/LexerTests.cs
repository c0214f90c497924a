using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Spec §2.1: source text, ignored tokens, punctuators and names.
public class LexerTests
{
    [Fact]
    public void Byte_order_marks_white_space_line_terminators_comments_and_commas_are_ignored()
    {
        var token = LexOne("\uFEFF \t,\n\r\n\r# a comment, with \"quotes\" and 😀\n  foo,,\uFEFF");

        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal("foo", token.Value);
        Assert.Equal(5, token.Line);
        Assert.Equal(3, token.Column);
    }

    [Fact]
    public void A_token_records_its_offsets_line_and_column()
    {
        var tokens = Lex("{\n  field\r\n}");

        Assert.Equal(new Token(TokenKind.LeftBrace, 0, 1, 1, 1, null), tokens[0]);
        Assert.Equal(new Token(TokenKind.Name, 4, 9, 2, 3, "field"), tokens[1]);
        Assert.Equal(new Token(TokenKind.RightBrace, 11, 12, 3, 1, null), tokens[2]);
    }

    [Fact]
    public void Every_punctuator_is_a_token()
    {
        var kinds = Lex("! $ & ( ) ... : = @ [ ] { | }").Select(token => token.Kind);

        Assert.Equal(
            [
                TokenKind.Bang, TokenKind.Dollar, TokenKind.Ampersand, TokenKind.LeftParenthesis,
                TokenKind.RightParenthesis, TokenKind.Spread, TokenKind.Colon, TokenKind.EqualsSign, TokenKind.At,
                TokenKind.LeftBracket, TokenKind.RightBracket, TokenKind.LeftBrace, TokenKind.Pipe, TokenKind.RightBrace,
            ],
            kinds);
    }

    [Fact]
    public void Punctuators_need_no_separating_white_space()
    {
        var kinds = Lex("{a(b:$c)@d...e}").Select(token => token.Kind);

        Assert.Equal(
            [
                TokenKind.LeftBrace, TokenKind.Name, TokenKind.LeftParenthesis, TokenKind.Name, TokenKind.Colon,
                TokenKind.Dollar, TokenKind.Name, TokenKind.RightParenthesis, TokenKind.At, TokenKind.Name,
                TokenKind.Spread, TokenKind.Name, TokenKind.RightBrace,
            ],
            kinds);
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("_underscore")]
    [InlineData("__typename")]
    [InlineData("with_digits_123")]
    [InlineData("CamelCase")]
    public void A_name_is_letters_digits_and_underscores_not_starting_with_a_digit(string name)
    {
        var token = LexOne(name);

        Assert.Equal(TokenKind.Name, token.Kind);
        Assert.Equal(name, token.Value);
    }

    [Fact]
    public void Names_are_case_sensitive()
    {
        var tokens = Lex("name Name NAME");

        Assert.Equal(["name", "Name", "NAME"], tokens.Select(token => token.Value));
    }

    [Fact]
    public void Common_names_are_shared_rather_than_allocated_each_time()
    {
        var first = LexOne("__typename").Value;
        var second = LexOne("__typename").Value;

        Assert.Same(first, second);
    }

    [Fact]
    public void The_end_of_the_source_is_reported_again_and_again()
    {
        var lexer = new Lexer(new Source("a"));
        lexer.NextToken();

        var first = lexer.NextToken();
        var second = lexer.NextToken();

        Assert.Equal(TokenKind.EndOfFile, first.Kind);
        Assert.Equal(first, second);
        Assert.Equal("<EOF>", first.Description);
    }

    [Fact]
    public void A_comment_may_end_the_source_without_a_line_terminator()
    {
        Assert.Empty(Lex("# only a comment"));
    }

    [Fact]
    public void A_comment_ends_at_a_carriage_return()
    {
        var token = LexOne("# comment\rname");

        Assert.Equal(2, token.Line);
    }

    [Theory]
    [InlineData(".", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData("..", "Syntax Error: Unexpected character: \".\".", 1, 1)]
    [InlineData("?", "Syntax Error: Unexpected character: \"?\".", 1, 1)]
    [InlineData("  ~", "Syntax Error: Unexpected character: \"~\".", 1, 3)]
    [InlineData("\u0007", "Syntax Error: Unexpected character: U+0007.", 1, 1)]
    [InlineData("\n\u00e9", "Syntax Error: Unexpected character: U+00E9.", 2, 1)]
    [InlineData("\u00a0", "Syntax Error: Unexpected character: U+00A0.", 1, 1)]
    [InlineData("😀", "Syntax Error: Unexpected character: U+1F600.", 1, 1)]
    [InlineData("'single'", "Syntax Error: Unexpected single quote character ('), did you mean to use a double quote (\")?", 1, 1)]
    public void A_character_that_starts_no_token_is_an_error(string source, string message, int line, int column)
    {
        var error = LexFails(source, message, line, column);

        Assert.Equal(SyntaxErrorCode.UnexpectedCharacter, error.Code);
    }

    // Lone surrogates cannot travel through InlineData (they are replaced when test cases are serialized),
    // so each case gives a template whose '%' is replaced by the code unit.
    [Theory]
    [InlineData("%", 0xD800, 1, 1)]
    [InlineData("a %", 0xDC00, 1, 3)]
    [InlineData("# comment %", 0xD83D, 1, 11)]
    public void A_lone_surrogate_is_an_invalid_character_even_in_a_comment(string template, int codeUnit, int line, int column)
    {
        var source = template.Replace("%", ((char)codeUnit).ToString(), StringComparison.Ordinal);

        var error = LexFails(source, $"Syntax Error: Invalid character: U+{codeUnit:X4}.", line, column);

        Assert.Equal(SyntaxErrorCode.InvalidCharacter, error.Code);
    }

    [Fact]
    public void Token_descriptions_quote_punctuators_and_name_valued_tokens()
    {
        Assert.Equal("\"{\"", LexOne("{").Description);
        Assert.Equal("\"...\"", LexOne("...").Description);
        Assert.Equal("Name \"id\"", LexOne("id").Description);
        Assert.Equal("Int \"12\"", LexOne("12").Description);
        Assert.Equal("Float \"1.5\"", LexOne("1.5").Description);
        Assert.Equal("String \"s\"", LexOne("\"s\"").Description);
        Assert.Equal("BlockString \"b\"", LexOne("\"\"\"b\"\"\"").Description);
    }
}
