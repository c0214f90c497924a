namespace Tasks.GraphQL.Language;

/// <summary>Why a document failed to parse, for callers that react to the kind of error rather than its message.</summary>
public enum SyntaxErrorCode
{
    /// <summary>A character that cannot start any token, e.g. <c>?</c> or a lone <c>.</c>.</summary>
    UnexpectedCharacter,

    /// <summary>A character that is not a Unicode scalar value (a lone surrogate).</summary>
    InvalidCharacter,

    /// <summary>A malformed number such as <c>00</c>, <c>1.</c>, <c>1e</c> or <c>123abc</c>.</summary>
    InvalidNumber,

    /// <summary>A string or block string that is not closed before a line end or the end of the source.</summary>
    UnterminatedString,

    /// <summary>An unknown escape such as <c>\x</c>, or an escaped code point that is not a Unicode scalar value.</summary>
    InvalidEscapeSequence,

    /// <summary>A token the grammar does not allow where it appears.</summary>
    UnexpectedToken,

    /// <summary>A description where none is allowed: on an extension or on a query shorthand.</summary>
    UnexpectedDescription,

    /// <summary>A variable inside a constant value (default values, type-system directives).</summary>
    UnexpectedVariable,

    /// <summary>A reserved name used where it is not allowed: a fragment named <c>on</c>, an enum value named <c>true</c>.</summary>
    ReservedName,

    /// <summary>A type extension with nothing to add.</summary>
    EmptyExtension,

    /// <summary>More tokens than <see cref="ParserOptions.MaxTokens"/>.</summary>
    TooManyTokens,

    /// <summary>Nesting deeper than <see cref="ParserOptions.MaxDepth"/>, or deeper than the thread's stack allows.</summary>
    MaxDepthExceeded,
}
