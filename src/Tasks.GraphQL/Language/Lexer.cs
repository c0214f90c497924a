using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Tasks.GraphQL.Language;

/// <summary>
/// Turns GraphQL source text into tokens (spec §2.1): skips ignored tokens (byte order mark, white space,
/// line terminators, comments and commas) and reads punctuators, names, numbers, strings and block strings.
/// Works over the source string with an index, allocating only for token values that are not well-known names.
/// </summary>
public sealed class Lexer
{
    private readonly string _body;
    private int _position;
    private int _line = 1;
    private int _lineStart;
    private StringBuilder? _buffer;

    /// <summary>Creates a lexer positioned at the start of a source.</summary>
    /// <param name="source">The source to read.</param>
    public Lexer(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
        _body = source.Body;
    }

    /// <summary>The source being read.</summary>
    public Source Source { get; }

    /// <summary>
    /// Reads the next significant token. At the end of the source it returns
    /// <see cref="TokenKind.EndOfFile"/>, and keeps doing so.
    /// </summary>
    /// <exception cref="GraphQLSyntaxException">The text at the current position is not a valid token.</exception>
    public Token NextToken()
    {
        SkipIgnored();
        var body = _body;
        var start = _position;
        var line = _line;
        var column = start - _lineStart + 1;
        if (start >= body.Length)
        {
            return new Token(TokenKind.EndOfFile, start, start, line, column, null);
        }

        var c = body[start];
        var punctuator = c switch
        {
            '!' => TokenKind.Bang,
            '$' => TokenKind.Dollar,
            '&' => TokenKind.Ampersand,
            '(' => TokenKind.LeftParenthesis,
            ')' => TokenKind.RightParenthesis,
            ':' => TokenKind.Colon,
            '=' => TokenKind.EqualsSign,
            '@' => TokenKind.At,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            '{' => TokenKind.LeftBrace,
            '|' => TokenKind.Pipe,
            '}' => TokenKind.RightBrace,
            _ => TokenKind.EndOfFile,
        };
        if (punctuator != TokenKind.EndOfFile)
        {
            _position = start + 1;
            return new Token(punctuator, start, start + 1, line, column, null);
        }

        if (c == '.' && At(start + 1) == '.' && At(start + 2) == '.')
        {
            _position = start + 3;
            return new Token(TokenKind.Spread, start, start + 3, line, column, null);
        }

        if (IsNameStart(c))
        {
            return ReadName(start, line, column);
        }

        if (c == '-' || char.IsAsciiDigit(c))
        {
            return ReadNumber(start, line, column);
        }

        if (c == '"')
        {
            return At(start + 1) == '"' && At(start + 2) == '"'
                ? ReadBlockString(start, line, column)
                : ReadString(start, line, column);
        }

        if (c == '\'')
        {
            throw Error(start, "Unexpected single quote character ('), did you mean to use a double quote (\")?", SyntaxErrorCode.UnexpectedCharacter);
        }

        throw IsScalarValueAt(start)
            ? Error(start, $"Unexpected character: {DescribeCharacterAt(start)}.", SyntaxErrorCode.UnexpectedCharacter)
            : Error(start, $"Invalid character: {DescribeCharacterAt(start)}.", SyntaxErrorCode.InvalidCharacter);
    }

    /// <summary>Whether a character may start a name: <c>[_A-Za-z]</c>.</summary>
    /// <param name="c">The character.</param>
    public static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    /// <summary>Whether a character may continue a name: <c>[_0-9A-Za-z]</c>.</summary>
    /// <param name="c">The character.</param>
    public static bool IsNameContinue(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    // The character at an offset, or '\0' past the end, so look-ahead needs no bounds checks.
    private char At(int index) => index < _body.Length ? _body[index] : '\0';

    private void SkipIgnored()
    {
        var body = _body;
        var position = _position;
        while (position < body.Length)
        {
            switch (body[position])
            {
                case '\uFEFF':
                case '\t':
                case ' ':
                case ',':
                    position++;
                    continue;
                case '\n':
                    position++;
                    _line++;
                    _lineStart = position;
                    continue;
                case '\r':
                    position += At(position + 1) == '\n' ? 2 : 1;
                    _line++;
                    _lineStart = position;
                    continue;
                case '#':
                    position = SkipComment(position + 1);
                    continue;
                default:
                    _position = position;
                    return;
            }
        }

        _position = position;
    }

    // A comment runs to the end of the line. A lone surrogate ends it early so that the next token
    // reports it as an invalid character rather than silently accepting it.
    private int SkipComment(int position)
    {
        var body = _body;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '\n' || c == '\r')
            {
                break;
            }

            if (!char.IsSurrogate(c))
            {
                position++;
            }
            else if (IsScalarValueAt(position))
            {
                position += 2;
            }
            else
            {
                break;
            }
        }

        return position;
    }

    private Token ReadName(int start, int line, int column)
    {
        var body = _body;
        var position = start + 1;
        while (position < body.Length && IsNameContinue(body[position]))
        {
            position++;
        }

        _position = position;
        var span = body.AsSpan(start, position - start);
        var value = WellKnownNames.TryGetValue(span, out var known) ? known : new string(span);
        return new Token(TokenKind.Name, start, position, line, column, value);
    }

    // IntValue and FloatValue (spec §2.9.1, §2.9.2): no leading zeros, digits required after '.', 'e'
    // and the sign, and neither a '.' nor a name start may follow directly.
    private Token ReadNumber(int start, int line, int column)
    {
        var position = start;
        var isFloat = false;
        if (At(position) == '-')
        {
            position++;
        }

        if (At(position) == '0')
        {
            position++;
            if (char.IsAsciiDigit(At(position)))
            {
                throw Error(position, $"Invalid number, unexpected digit after 0: {DescribeCharacterAt(position)}.", SyntaxErrorCode.InvalidNumber);
            }
        }
        else
        {
            position = ReadDigits(position);
        }

        if (At(position) == '.')
        {
            isFloat = true;
            position = ReadDigits(position + 1);
        }

        if (At(position) is 'e' or 'E')
        {
            isFloat = true;
            position++;
            if (At(position) is '+' or '-')
            {
                position++;
            }

            position = ReadDigits(position);
        }

        if (position < _body.Length && (_body[position] == '.' || IsNameStart(_body[position])))
        {
            throw Error(position, $"Invalid number, expected digit but got: {DescribeCharacterAt(position)}.", SyntaxErrorCode.InvalidNumber);
        }

        _position = position;
        var kind = isFloat ? TokenKind.FloatValue : TokenKind.IntValue;
        return new Token(kind, start, position, line, column, _body[start..position]);
    }

    private int ReadDigits(int position)
    {
        if (!char.IsAsciiDigit(At(position)))
        {
            throw Error(position, $"Invalid number, expected digit but got: {DescribeCharacterAt(position)}.", SyntaxErrorCode.InvalidNumber);
        }

        while (char.IsAsciiDigit(At(position)))
        {
            position++;
        }

        return position;
    }

    // A quoted string (spec §2.9.4). The common case without escapes is a single substring; escapes
    // switch to a reused buffer.
    private Token ReadString(int start, int line, int column)
    {
        var body = _body;
        var position = start + 1;
        var chunkStart = position;
        StringBuilder? value = null;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"')
            {
                string text;
                if (value is null)
                {
                    text = body[chunkStart..position];
                }
                else
                {
                    text = value.Append(body, chunkStart, position - chunkStart).ToString();
                }

                _position = position + 1;
                return new Token(TokenKind.StringValue, start, position + 1, line, column, text);
            }

            if (c == '\\')
            {
                value ??= RentBuffer();
                value.Append(body, chunkStart, position - chunkStart);
                position = ReadEscape(position, value);
                chunkStart = position;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                break;
            }

            if (char.IsSurrogate(c))
            {
                if (!IsScalarValueAt(position))
                {
                    throw Error(position, $"Invalid character within String: {DescribeCharacterAt(position)}.", SyntaxErrorCode.InvalidCharacter);
                }

                position += 2;
                continue;
            }

            position++;
        }

        throw Error(position, "Unterminated string.", SyntaxErrorCode.UnterminatedString);
    }

    // Decodes the escape sequence starting at the backslash and returns the offset after it.
    private int ReadEscape(int position, StringBuilder value)
    {
        var next = At(position + 1);
        switch (next)
        {
            case '"': value.Append('"'); return position + 2;
            case '\\': value.Append('\\'); return position + 2;
            case '/': value.Append('/'); return position + 2;
            case 'b': value.Append('\b'); return position + 2;
            case 'f': value.Append('\f'); return position + 2;
            case 'n': value.Append('\n'); return position + 2;
            case 'r': value.Append('\r'); return position + 2;
            case 't': value.Append('\t'); return position + 2;
            case 'u':
                return At(position + 2) == '{'
                    ? ReadBracedUnicodeEscape(position, value)
                    : ReadFixedUnicodeEscape(position, value);
        }

        if (position + 1 >= _body.Length || next is '\n' or '\r')
        {
            throw Error(position + 1, "Unterminated string.", SyntaxErrorCode.UnterminatedString);
        }

        var length = char.IsSurrogate(next) && IsScalarValueAt(position + 1) ? 3 : 2;
        throw Error(position, $"Invalid character escape sequence: \"{_body.Substring(position, length)}\".", SyntaxErrorCode.InvalidEscapeSequence);
    }

    // \uXXXX. A leading surrogate must be followed by an escaped trailing surrogate; the pair is one code point.
    private int ReadFixedUnicodeEscape(int position, StringBuilder value)
    {
        var code = ReadFourHexDigits(position + 2);
        if (code >= 0 && !char.IsSurrogate((char)code))
        {
            value.Append((char)code);
            return position + 6;
        }

        if (code >= 0 && char.IsHighSurrogate((char)code) && At(position + 6) == '\\' && At(position + 7) == 'u')
        {
            var trailing = ReadFourHexDigits(position + 8);
            if (trailing >= 0 && char.IsLowSurrogate((char)trailing))
            {
                value.Append((char)code).Append((char)trailing);
                return position + 12;
            }
        }

        throw Error(position, $"Invalid Unicode escape sequence: \"{EscapeExcerpt(position, 6)}\".", SyntaxErrorCode.InvalidEscapeSequence);
    }

    // \u{X...}: any number of hex digits whose value is a Unicode scalar value (not a surrogate, at most 10FFFF).
    private int ReadBracedUnicodeEscape(int position, StringBuilder value)
    {
        var cursor = position + 3;
        var code = 0;
        var digits = 0;
        while (cursor < _body.Length && _body[cursor] != '}')
        {
            var digit = HexValue(_body[cursor]);
            if (digit < 0)
            {
                break;
            }

            // Clamp so long runs of digits cannot overflow; anything past 10FFFF is rejected below anyway.
            code = Math.Min((code << 4) | digit, 0x110000);
            digits++;
            cursor++;
        }

        if (At(cursor) != '}' || digits == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
        {
            var length = At(cursor) == '}' ? cursor + 1 - position : cursor - position + (cursor < _body.Length ? 1 : 0);
            throw Error(position, $"Invalid Unicode escape sequence: \"{EscapeExcerpt(position, length)}\".", SyntaxErrorCode.InvalidEscapeSequence);
        }

        if (code <= 0xFFFF)
        {
            value.Append((char)code);
        }
        else
        {
            Span<char> pair = stackalloc char[2];
            new Rune(code).EncodeToUtf16(pair);
            value.Append(pair);
        }

        return cursor + 1;
    }

    private int ReadFourHexDigits(int position)
    {
        if (position + 4 > _body.Length)
        {
            return -1;
        }

        var a = HexValue(_body[position]);
        var b = HexValue(_body[position + 1]);
        var c = HexValue(_body[position + 2]);
        var d = HexValue(_body[position + 3]);
        return (a | b | c | d) < 0 ? -1 : (a << 12) | (b << 8) | (c << 4) | d;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    // The text of an escape sequence for a message, cut at the end of the line or source.
    private string EscapeExcerpt(int position, int length)
    {
        var end = Math.Min(position + length, _body.Length);
        var lineEnd = _body.AsSpan(position, end - position).IndexOfAny('\n', '\r');
        return _body.Substring(position, lineEnd >= 0 ? lineEnd : end - position);
    }

    // A block string (spec §2.9.4): raw text up to the closing """, where only \""" is an escape; the
    // value is the raw text after BlockStringValue() (common indentation and blank edge lines removed).
    private Token ReadBlockString(int start, int line, int column)
    {
        var body = _body;
        var position = start + 3;
        var chunkStart = position;
        StringBuilder? raw = null;
        while (position < body.Length)
        {
            var c = body[position];
            if (c == '"' && At(position + 1) == '"' && At(position + 2) == '"')
            {
                string value;
                if (raw is null)
                {
                    value = BlockString.Dedent(body.AsSpan(chunkStart, position - chunkStart));
                }
                else
                {
                    raw.Append(body, chunkStart, position - chunkStart);
                    value = BlockString.Dedent(raw.ToString());
                }

                _position = position + 3;
                return new Token(TokenKind.BlockStringValue, start, position + 3, line, column, value);
            }

            if (c == '\\' && At(position + 1) == '"' && At(position + 2) == '"' && At(position + 3) == '"')
            {
                raw ??= RentBuffer();
                raw.Append(body, chunkStart, position - chunkStart).Append("\"\"\"");
                position += 4;
                chunkStart = position;
                continue;
            }

            if (c == '\n')
            {
                position++;
                _line++;
                _lineStart = position;
                continue;
            }

            if (c == '\r')
            {
                position += At(position + 1) == '\n' ? 2 : 1;
                _line++;
                _lineStart = position;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                if (!IsScalarValueAt(position))
                {
                    throw Error(position, $"Invalid character within String: {DescribeCharacterAt(position)}.", SyntaxErrorCode.InvalidCharacter);
                }

                position += 2;
                continue;
            }

            position++;
        }

        throw Error(position, "Unterminated string.", SyntaxErrorCode.UnterminatedString);
    }

    private StringBuilder RentBuffer()
    {
        _buffer ??= new StringBuilder(64);
        _buffer.Clear();
        return _buffer;
    }

    // Whether the code point at an offset is a Unicode scalar value: any non-surrogate, or a well-formed pair.
    private bool IsScalarValueAt(int position)
    {
        var c = _body[position];
        if (!char.IsSurrogate(c))
        {
            return true;
        }

        return char.IsHighSurrogate(c) && char.IsLowSurrogate(At(position + 1));
    }

    // Printable ASCII is quoted ("a"); anything else is shown as a code point (U+0007, U+1F600).
    private string DescribeCharacterAt(int position)
    {
        if (position >= _body.Length)
        {
            return "<EOF>";
        }

        var c = _body[position];
        if (c >= 0x20 && c < 0x7F)
        {
            return c == '"' ? "'\"'" : $"\"{c}\"";
        }

        var code = IsScalarValueAt(position) && char.IsHighSurrogate(c)
            ? char.ConvertToUtf32(c, _body[position + 1])
            : c;
        return "U+" + code.ToString("X4", CultureInfo.InvariantCulture);
    }

    private GraphQLSyntaxException Error(int position, string reason, SyntaxErrorCode code) =>
        new(Source, position, reason, code);

    // Names that occur in most documents are shared rather than allocated for every occurrence.
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WellKnownNames = FrozenSet.Create(
        StringComparer.Ordinal,
        [
            "query", "mutation", "subscription", "fragment", "on", "true", "false", "null",
            "schema", "scalar", "type", "interface", "union", "enum", "input", "directive", "extend",
            "implements", "repeatable", "Query", "Mutation", "Subscription",
            "Int", "Float", "String", "Boolean", "ID", "include", "skip", "if", "deprecated", "reason",
            "specifiedBy", "url", "oneOf", "__typename", "__schema", "__type", "id", "name", "description",
            "node", "nodes", "edges", "cursor", "pageInfo", "hasNextPage", "hasPreviousPage", "startCursor",
            "endCursor", "totalCount", "first", "last", "after", "before", "data", "value",
        ]).GetAlternateLookup<ReadOnlySpan<char>>();
}
