namespace Tasks.GraphQL.Language;

/// <summary>The kinds of lexical token (spec §2.1.6–§2.1.9). Ignored tokens are never produced.</summary>
public enum TokenKind
{
    /// <summary>The end of the source.</summary>
    EndOfFile,

    /// <summary><c>!</c></summary>
    Bang,

    /// <summary><c>$</c></summary>
    Dollar,

    /// <summary><c>&amp;</c></summary>
    Ampersand,

    /// <summary><c>(</c></summary>
    LeftParenthesis,

    /// <summary><c>)</c></summary>
    RightParenthesis,

    /// <summary><c>...</c></summary>
    Spread,

    /// <summary><c>:</c></summary>
    Colon,

    /// <summary><c>=</c></summary>
    EqualsSign,

    /// <summary><c>@</c></summary>
    At,

    /// <summary><c>[</c></summary>
    LeftBracket,

    /// <summary><c>]</c></summary>
    RightBracket,

    /// <summary><c>{</c></summary>
    LeftBrace,

    /// <summary><c>|</c></summary>
    Pipe,

    /// <summary><c>}</c></summary>
    RightBrace,

    /// <summary>A name (spec §2.1.9).</summary>
    Name,

    /// <summary>An integer literal (spec §2.9.1).</summary>
    IntValue,

    /// <summary>A float literal (spec §2.9.2).</summary>
    FloatValue,

    /// <summary>A quoted string (spec §2.9.4).</summary>
    StringValue,

    /// <summary>A <c>"""</c> block string (spec §2.9.4).</summary>
    BlockStringValue,
}
