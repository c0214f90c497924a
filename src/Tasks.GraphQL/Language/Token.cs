namespace Tasks.GraphQL.Language;

/// <summary>One lexical token. A value type so the lexer allocates nothing for punctuators.</summary>
/// <param name="Kind">What kind of token this is.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset one past the last character.</param>
/// <param name="Line">1-based line of the first character.</param>
/// <param name="Column">1-based column of the first character.</param>
/// <param name="Value">
/// For names the name, for numbers the literal text, for strings the decoded value; null for punctuators
/// and the end of file.
/// </param>
public readonly record struct Token(TokenKind Kind, int Start, int End, int Line, int Column, string? Value)
{
    /// <summary>
    /// How error messages refer to the token: <c>"{"</c> for punctuators, <c>Name "id"</c> for tokens
    /// with values, <c>&lt;EOF&gt;</c> at the end.
    /// </summary>
    public string Description => Kind switch
    {
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Name => $"Name \"{Value}\"",
        TokenKind.IntValue => $"Int \"{Value}\"",
        TokenKind.FloatValue => $"Float \"{Value}\"",
        TokenKind.StringValue => $"String \"{Value}\"",
        TokenKind.BlockStringValue => $"BlockString \"{Value}\"",
        _ => $"\"{Punctuator(Kind)}\"",
    };

    /// <summary>The text of a punctuator kind, or the kind's name for other kinds, as used in "Expected ..." messages.</summary>
    /// <param name="kind">The token kind.</param>
    public static string Punctuator(TokenKind kind) => kind switch
    {
        TokenKind.Bang => "!",
        TokenKind.Dollar => "$",
        TokenKind.Ampersand => "&",
        TokenKind.LeftParenthesis => "(",
        TokenKind.RightParenthesis => ")",
        TokenKind.Spread => "...",
        TokenKind.Colon => ":",
        TokenKind.EqualsSign => "=",
        TokenKind.At => "@",
        TokenKind.LeftBracket => "[",
        TokenKind.RightBracket => "]",
        TokenKind.LeftBrace => "{",
        TokenKind.Pipe => "|",
        TokenKind.RightBrace => "}",
        TokenKind.EndOfFile => "<EOF>",
        TokenKind.Name => "Name",
        TokenKind.IntValue => "Int",
        TokenKind.FloatValue => "Float",
        TokenKind.StringValue => "String",
        TokenKind.BlockStringValue => "BlockString",
        _ => kind.ToString(),
    };
}
