using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Spec §2.9.4 StringValue: quoted strings and their escape sequences.
public class StringLexingTests
{
    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"simple\"", "simple")]
    [InlineData("\" white space \"", " white space ")]
    [InlineData("\"quote \\\"\"", "quote \"")]
    [InlineData("\"escaped \\n\\r\\b\\t\\f\"", "escaped \n\r\b\t\f")]
    [InlineData("\"slashes \\\\ \\/\"", "slashes \\ /")]
    [InlineData("\"unicode \\u1234\\u5678\\u90AB\\uCDEF\"", "unicode \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"lower case hex \\u00e9\"", "lower case hex \u00e9")]
    [InlineData("\"braced \\u{1234}\\u{5678}\\u{90AB}\\u{CDEF}\"", "braced \u1234\u5678\u90AB\uCDEF")]
    [InlineData("\"outside the BMP \\u{1F600}\"", "outside the BMP 😀")]
    [InlineData("\"minimal \\u{0}\"", "minimal \0")]
    [InlineData("\"maximal \\u{10FFFF}\"", "maximal \U0010FFFF")]
    [InlineData("\"leading zeros \\u{000000000000000000000041}\"", "leading zeros A")]
    [InlineData("\"surrogate pair \\uD83D\\uDE00\"", "surrogate pair 😀")]
    [InlineData("\"lowest pair \\uD800\\uDC00\"", "lowest pair \U00010000")]
    [InlineData("\"highest pair \\uDBFF\\uDFFF\"", "highest pair \U0010FFFF")]
    [InlineData("\"unescaped unicode 😀 é 日本\"", "unescaped unicode 😀 é 日本")]
    [InlineData("\"control character \u0007 is a source character\"", "control character \u0007 is a source character")]
    [InlineData("\"# not a comment\"", "# not a comment")]
    public void A_string_decodes_its_escape_sequences(string source, string value)
    {
        var token = LexOne(source);

        Assert.Equal(TokenKind.StringValue, token.Kind);
        Assert.Equal(value, token.Value);
    }

    [Theory]
    [InlineData("\"", "Unterminated string.", 2)]
    [InlineData("\"no end quote", "Unterminated string.", 14)]
    [InlineData("\"multi\nline\"", "Unterminated string.", 7)]
    [InlineData("\"multi\rline\"", "Unterminated string.", 7)]
    [InlineData("\"ends with a backslash\\", "Unterminated string.", 24)]
    [InlineData("\"escaped line end \\\n\"", "Unterminated string.", 20)]
    public void A_string_must_close_on_its_line(string source, string reason, int column)
    {
        var error = LexFails(source, "Syntax Error: " + reason, 1, column);

        Assert.Equal(SyntaxErrorCode.UnterminatedString, error.Code);
    }

    [Theory]
    [InlineData("\"bad \\z esc\"", "Invalid character escape sequence: \"\\z\".")]
    [InlineData("\"bad \\x esc\"", "Invalid character escape sequence: \"\\x\".")]
    [InlineData("\"bad \\u1 esc\"", "Invalid Unicode escape sequence: \"\\u1 es\".")]
    [InlineData("\"bad \\u0XX1 esc\"", "Invalid Unicode escape sequence: \"\\u0XX1\".")]
    [InlineData("\"bad \\uXXXX esc\"", "Invalid Unicode escape sequence: \"\\uXXXX\".")]
    [InlineData("\"bad \\uFXXX esc\"", "Invalid Unicode escape sequence: \"\\uFXXX\".")]
    [InlineData("\"bad \\u{} esc\"", "Invalid Unicode escape sequence: \"\\u{}\".")]
    [InlineData("\"bad \\u{FXXX} esc\"", "Invalid Unicode escape sequence: \"\\u{FX\".")]
    [InlineData("\"bad \\u{FFFF esc\"", "Invalid Unicode escape sequence: \"\\u{FFFF \".")]
    [InlineData("\"bad \\u{110000} esc\"", "Invalid Unicode escape sequence: \"\\u{110000}\".")]
    [InlineData("\"bad \\u{12345678} esc\"", "Invalid Unicode escape sequence: \"\\u{12345678}\".")]
    [InlineData("\"bad \\u{DEAD} esc\"", "Invalid Unicode escape sequence: \"\\u{DEAD}\".")]
    [InlineData("\"bad \\u{D83D}\\u{DE00} esc\"", "Invalid Unicode escape sequence: \"\\u{D83D}\".")]
    [InlineData("\"bad \\uDEAD esc\"", "Invalid Unicode escape sequence: \"\\uDEAD\".")]
    [InlineData("\"bad \\uD83D esc\"", "Invalid Unicode escape sequence: \"\\uD83D\".")]
    [InlineData("\"bad \\uD83D\\u0041 esc\"", "Invalid Unicode escape sequence: \"\\uD83D\".")]
    [InlineData("\"bad \\uDEAD\\uDEAD esc\"", "Invalid Unicode escape sequence: \"\\uDEAD\".")]
    [InlineData("\"bad \\uD800\\uD800 esc\"", "Invalid Unicode escape sequence: \"\\uD800\".")]
    public void An_invalid_escape_sequence_is_an_error_at_its_backslash(string source, string reason)
    {
        var error = LexFails(source, "Syntax Error: " + reason, 1, 6);

        Assert.Equal(SyntaxErrorCode.InvalidEscapeSequence, error.Code);
    }

    // Lone surrogates cannot travel through InlineData, so '%' in each template stands for the code unit.
    [Theory]
    [InlineData("\"%\"", 0xD800, 2)]
    [InlineData("\"ab%\"", 0xDC00, 4)]
    [InlineData("\"%%\"", 0xD83D, 2)]
    public void A_lone_surrogate_inside_a_string_is_an_invalid_character(string template, int codeUnit, int column)
    {
        var source = template.Replace("%", ((char)codeUnit).ToString(), StringComparison.Ordinal);

        var error = LexFails(source, $"Syntax Error: Invalid character within String: U+{codeUnit:X4}.", 1, column);

        Assert.Equal(SyntaxErrorCode.InvalidCharacter, error.Code);
    }
}
