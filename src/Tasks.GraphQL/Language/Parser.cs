using System.Runtime.CompilerServices;

namespace Tasks.GraphQL.Language;

/// <summary>
/// A recursive-descent parser for GraphQL documents (spec §2 and the type-system grammar of §3), with one
/// token of look-ahead. Every failure is a <see cref="GraphQLSyntaxException"/>: malformed input, too many
/// tokens (<see cref="ParserOptions.MaxTokens"/>) and too deep nesting (<see cref="ParserOptions.MaxDepth"/>)
/// alike.
/// </summary>
public sealed partial class Parser
{
    private readonly Source _source;
    private readonly Lexer _lexer;
    private readonly int _maxTokens;
    private readonly int _maxDepth;
    private readonly bool _noLocation;
    private Token _token;
    private int _lastEnd;
    private int _tokenCount;
    private int _depth;

    private Parser(Source source, ParserOptions? options)
    {
        ArgumentNullException.ThrowIfNull(source);
        options ??= ParserOptions.Default;
        _source = source;
        _maxTokens = options.MaxTokens;
        _maxDepth = options.MaxDepth;
        _noLocation = options.NoLocation;
        _lexer = new Lexer(source);
        _token = _lexer.NextToken();
        CountToken();
    }

    /// <summary>Parses a document: executable definitions, type-system definitions and extensions, in any mix.</summary>
    /// <param name="source">The GraphQL text.</param>
    /// <param name="options">Limits; <see cref="ParserOptions.Default"/> when null.</param>
    /// <exception cref="GraphQLSyntaxException">The text is not a valid document.</exception>
    public static DocumentNode Parse(string source, ParserOptions? options = null) =>
        Parse(new Source(source), options);

    /// <summary>Parses a document from a named source.</summary>
    /// <param name="source">The GraphQL source.</param>
    /// <param name="options">Limits; <see cref="ParserOptions.Default"/> when null.</param>
    /// <exception cref="GraphQLSyntaxException">The text is not a valid document.</exception>
    public static DocumentNode Parse(Source source, ParserOptions? options = null) =>
        new Parser(source, options).ParseDocument();

    /// <summary>Parses a single value, such as <c>[1, $two, {three: THREE}]</c>; variables are allowed.</summary>
    /// <param name="source">The GraphQL text of the value.</param>
    /// <param name="options">Limits; <see cref="ParserOptions.Default"/> when null.</param>
    /// <exception cref="GraphQLSyntaxException">The text is not exactly one value.</exception>
    public static IValueNode ParseValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        var value = parser.ParseValueLiteral(isConst: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single constant value: like <see cref="ParseValue"/> but variables are an error.</summary>
    /// <param name="source">The GraphQL text of the value.</param>
    /// <param name="options">Limits; <see cref="ParserOptions.Default"/> when null.</param>
    /// <exception cref="GraphQLSyntaxException">The text is not exactly one constant value.</exception>
    public static IValueNode ParseConstValue(string source, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        var value = parser.ParseValueLiteral(isConst: true);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    /// <summary>Parses a single type reference, such as <c>[String!]!</c>.</summary>
    /// <param name="source">The GraphQL text of the type.</param>
    /// <param name="options">Limits; <see cref="ParserOptions.Default"/> when null.</param>
    /// <exception cref="GraphQLSyntaxException">The text is not exactly one type reference.</exception>
    public static ITypeNode ParseType(string source, ParserOptions? options = null)
    {
        var parser = new Parser(new Source(source), options);
        var type = parser.ParseTypeReference();
        parser.Expect(TokenKind.EndOfFile);
        return type;
    }

    // Document : Definition+
    private DocumentNode ParseDocument()
    {
        var start = _token;
        var definitions = new List<IDefinitionNode>();
        do
        {
            definitions.Add(ParseDefinition());
        }
        while (_token.Kind != TokenKind.EndOfFile);

        return new DocumentNode { Definitions = definitions, Location = LocationFrom(start) };
    }

    // Definition : ExecutableDefinition | TypeSystemDefinition | TypeSystemExtension
    // A leading string is a description; what follows it decides which definition it describes.
    private IDefinitionNode ParseDefinition()
    {
        if (_token.Kind == TokenKind.LeftBrace)
        {
            return ParseOperationDefinition(_token, description: null);
        }

        var start = _token;
        var description = ParseDescription();
        if (_token.Kind == TokenKind.Name)
        {
            switch (_token.Value)
            {
                case "query":
                case "mutation":
                case "subscription":
                    return ParseOperationDefinition(start, description);
                case "fragment":
                    return ParseFragmentDefinition(start, description);
                case "schema":
                    return ParseSchemaDefinition(start, description);
                case "scalar":
                    return ParseScalarTypeDefinition(start, description);
                case "type":
                    return ParseObjectTypeDefinition(start, description);
                case "interface":
                    return ParseInterfaceTypeDefinition(start, description);
                case "union":
                    return ParseUnionTypeDefinition(start, description);
                case "enum":
                    return ParseEnumTypeDefinition(start, description);
                case "input":
                    return ParseInputObjectTypeDefinition(start, description);
                case "directive":
                    return ParseDirectiveDefinition(start, description);
                case "extend" when description is not null:
                    throw Error(start, "Unexpected description, descriptions are not supported on type extensions.", SyntaxErrorCode.UnexpectedDescription);
                case "extend":
                    return ParseTypeSystemExtension();
            }
        }

        if (description is not null && _token.Kind == TokenKind.LeftBrace)
        {
            throw Error(start, "Unexpected description, descriptions are not supported on shorthand queries.", SyntaxErrorCode.UnexpectedDescription);
        }

        throw Unexpected();
    }

    // Description : StringValue
    private StringValueNode? ParseDescription() =>
        _token.Kind is TokenKind.StringValue or TokenKind.BlockStringValue ? ParseStringLiteral() : null;

    private NameNode ParseName()
    {
        var token = Expect(TokenKind.Name);
        return new NameNode { Value = token.Value!, Location = LocationFrom(token) };
    }

    private StringValueNode ParseStringLiteral()
    {
        var token = _token;
        Advance();
        return new StringValueNode
        {
            Value = token.Value!,
            IsBlock = token.Kind == TokenKind.BlockStringValue,
            Location = LocationFrom(token),
        };
    }

    private void Advance()
    {
        _lastEnd = _token.End;
        _token = _lexer.NextToken();
        CountToken();
    }

    private void CountToken()
    {
        if (_token.Kind != TokenKind.EndOfFile && ++_tokenCount > _maxTokens)
        {
            throw Error(_token, $"Document contains more than {_maxTokens} tokens. Parsing aborted.", SyntaxErrorCode.TooManyTokens);
        }
    }

    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private bool PeekKeyword(string keyword) => _token.Kind == TokenKind.Name && _token.Value == keyword;

    private Token Expect(TokenKind kind)
    {
        var token = _token;
        if (token.Kind != kind)
        {
            throw Error(token, $"Expected {ExpectedText(kind)}, found {token.Description}.", SyntaxErrorCode.UnexpectedToken);
        }

        Advance();
        return token;
    }

    private bool ExpectOptional(TokenKind kind)
    {
        if (_token.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            throw Error(_token, $"Expected \"{keyword}\", found {_token.Description}.", SyntaxErrorCode.UnexpectedToken);
        }

        Advance();
    }

    private bool ExpectOptionalKeyword(string keyword)
    {
        if (!PeekKeyword(keyword))
        {
            return false;
        }

        Advance();
        return true;
    }

    private static string ExpectedText(TokenKind kind) => kind switch
    {
        TokenKind.Name or TokenKind.IntValue or TokenKind.FloatValue or TokenKind.StringValue
            or TokenKind.BlockStringValue or TokenKind.EndOfFile => Token.Punctuator(kind),
        _ => $"\"{Token.Punctuator(kind)}\"",
    };

    // Entering a nested selection set, list or object value or list type. Besides MaxDepth, the thread's
    // remaining stack is checked so that even unlimited options never overflow it.
    private void EnterNesting(Token at)
    {
        if (++_depth > _maxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw Error(at, $"Document exceeds the maximum nesting depth of {_maxDepth}.", SyntaxErrorCode.MaxDepthExceeded);
        }
    }

    private void LeaveNesting() => _depth--;

    private Location? LocationFrom(Token start) =>
        _noLocation ? null : new Location(start.Start, _lastEnd, start.Line, start.Column, _source);

    private GraphQLSyntaxException Unexpected() =>
        Error(_token, $"Unexpected {_token.Description}.", SyntaxErrorCode.UnexpectedToken);

    private GraphQLSyntaxException Error(Token at, string reason, SyntaxErrorCode code) =>
        new(_source, at.Start, reason, code);
}
