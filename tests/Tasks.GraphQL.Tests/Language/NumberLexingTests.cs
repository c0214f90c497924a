using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Spec §2.9.1 IntValue and §2.9.2 FloatValue, including the lookahead restrictions.
public class NumberLexingTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("4")]
    [InlineData("-4")]
    [InlineData("9")]
    [InlineData("1234567890")]
    [InlineData("123456789012345678901234567890")]
    public void An_integer_keeps_its_text(string text)
    {
        var token = LexOne(text);

        Assert.Equal(TokenKind.IntValue, token.Kind);
        Assert.Equal(text, token.Value);
    }

    [Theory]
    [InlineData("4.123")]
    [InlineData("-4.123")]
    [InlineData("0.123")]
    [InlineData("-0.0")]
    [InlineData("0.1e-10")]
    [InlineData("123e4")]
    [InlineData("123E4")]
    [InlineData("123e-4")]
    [InlineData("123e+4")]
    [InlineData("-1.123e4")]
    [InlineData("-1.123E+4567")]
    [InlineData("1e0")]
    [InlineData("0e0")]
    public void A_float_has_a_fraction_an_exponent_or_both_and_keeps_its_text(string text)
    {
        var token = LexOne(text);

        Assert.Equal(TokenKind.FloatValue, token.Kind);
        Assert.Equal(text, token.Value);
    }

    [Fact]
    public void Numbers_end_at_a_punctuator_or_white_space()
    {
        var tokens = Lex("[1,2.5 -3]");

        Assert.Equal(["1", "2.5", "-3"], tokens.Where(token => token.Value is not null).Select(token => token.Value));
    }

    [Theory]
    [InlineData("00", "Invalid number, unexpected digit after 0: \"0\".", 2)]
    [InlineData("01", "Invalid number, unexpected digit after 0: \"1\".", 2)]
    [InlineData("-01", "Invalid number, unexpected digit after 0: \"1\".", 3)]
    [InlineData("1.", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1. ", "Invalid number, expected digit but got: \" \".", 3)]
    [InlineData("0.e1", "Invalid number, expected digit but got: \"e\".", 3)]
    [InlineData("1.a", "Invalid number, expected digit but got: \"a\".", 3)]
    [InlineData("0x1", "Invalid number, expected digit but got: \"x\".", 2)]
    [InlineData("1e", "Invalid number, expected digit but got: <EOF>.", 3)]
    [InlineData("1e+", "Invalid number, expected digit but got: <EOF>.", 4)]
    [InlineData("1.0e", "Invalid number, expected digit but got: <EOF>.", 5)]
    [InlineData("1ex", "Invalid number, expected digit but got: \"x\".", 3)]
    [InlineData("123abc", "Invalid number, expected digit but got: \"a\".", 4)]
    [InlineData("1_", "Invalid number, expected digit but got: \"_\".", 2)]
    [InlineData("1.2.3", "Invalid number, expected digit but got: \".\".", 4)]
    [InlineData("1e1.5", "Invalid number, expected digit but got: \".\".", 4)]
    [InlineData("1.5e1a", "Invalid number, expected digit but got: \"a\".", 6)]
    [InlineData("-", "Invalid number, expected digit but got: <EOF>.", 2)]
    [InlineData("-A", "Invalid number, expected digit but got: \"A\".", 2)]
    [InlineData("--1", "Invalid number, expected digit but got: \"-\".", 2)]
    [InlineData("+1", "Unexpected character: \"+\".", 1)]
    [InlineData(".1", "Unexpected character: \".\".", 1)]
    public void A_malformed_number_is_an_error_at_the_offending_character(string text, string reason, int column)
    {
        LexFails(text, "Syntax Error: " + reason, 1, column);
    }

    [Fact]
    public void A_malformed_number_has_the_invalid_number_code()
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Lex("00"));

        Assert.Equal(SyntaxErrorCode.InvalidNumber, error.Code);
    }
}
