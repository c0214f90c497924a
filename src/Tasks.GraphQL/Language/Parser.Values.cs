namespace Tasks.GraphQL.Language;

// Arguments, values, types and directives (spec §2.6, §2.9, §2.11, §2.12). The isConst flag is the
// grammar's [Const] parameter: where it is set, variables are not allowed.
public sealed partial class Parser
{
    // Arguments[Const] : ( Argument[?Const]+ )
    private IReadOnlyList<ArgumentNode> ParseArguments(bool isConst)
    {
        if (!ExpectOptional(TokenKind.LeftParenthesis))
        {
            return Array.Empty<ArgumentNode>();
        }

        var arguments = new List<ArgumentNode>();
        do
        {
            arguments.Add(ParseArgument(isConst));
        }
        while (!ExpectOptional(TokenKind.RightParenthesis));

        return arguments;
    }

    // Argument[Const] : Name : Value[?Const]
    private ArgumentNode ParseArgument(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ArgumentNode { Name = name, Value = value, Location = LocationFrom(start) };
    }

    // Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue | NullValue
    //              | EnumValue | ListValue[?Const] | ObjectValue[?Const]
    private IValueNode ParseValueLiteral(bool isConst)
    {
        var token = _token;
        switch (token.Kind)
        {
            case TokenKind.LeftBracket:
                return ParseListValue(isConst);
            case TokenKind.LeftBrace:
                return ParseObjectValue(isConst);
            case TokenKind.IntValue:
                Advance();
                return new IntValueNode { Value = token.Value!, Location = LocationFrom(token) };
            case TokenKind.FloatValue:
                Advance();
                return new FloatValueNode { Value = token.Value!, Location = LocationFrom(token) };
            case TokenKind.StringValue:
            case TokenKind.BlockStringValue:
                return ParseStringLiteral();
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode { Value = true, Location = LocationFrom(token) },
                    "false" => new BooleanValueNode { Value = false, Location = LocationFrom(token) },
                    "null" => new NullValueNode { Location = LocationFrom(token) },
                    _ => new EnumValueNode { Value = token.Value!, Location = LocationFrom(token) },
                };
            case TokenKind.Dollar when isConst:
                throw UnexpectedVariable(token);
            case TokenKind.Dollar:
                return ParseVariable();
            default:
                throw Unexpected();
        }
    }

    // ListValue[Const] : [ ] | [ Value[?Const]+ ]
    private ListValueNode ParseListValue(bool isConst)
    {
        var start = _token;
        Expect(TokenKind.LeftBracket);
        EnterNesting(start);
        IReadOnlyList<IValueNode> values = [];
        if (!ExpectOptional(TokenKind.RightBracket))
        {
            var items = new List<IValueNode>();
            do
            {
                items.Add(ParseValueLiteral(isConst));
            }
            while (!ExpectOptional(TokenKind.RightBracket));

            values = items;
        }

        LeaveNesting();
        return new ListValueNode { Values = values, Location = LocationFrom(start) };
    }

    // ObjectValue[Const] : { } | { ObjectField[?Const]+ }
    private ObjectValueNode ParseObjectValue(bool isConst)
    {
        var start = _token;
        Expect(TokenKind.LeftBrace);
        EnterNesting(start);
        IReadOnlyList<ObjectFieldNode> fields = [];
        if (!ExpectOptional(TokenKind.RightBrace))
        {
            var items = new List<ObjectFieldNode>();
            do
            {
                items.Add(ParseObjectField(isConst));
            }
            while (!ExpectOptional(TokenKind.RightBrace));

            fields = items;
        }

        LeaveNesting();
        return new ObjectValueNode { Fields = fields, Location = LocationFrom(start) };
    }

    // ObjectField[Const] : Name : Value[?Const]
    private ObjectFieldNode ParseObjectField(bool isConst)
    {
        var start = _token;
        var name = ParseName();
        Expect(TokenKind.Colon);
        var value = ParseValueLiteral(isConst);
        return new ObjectFieldNode { Name = name, Value = value, Location = LocationFrom(start) };
    }

    // Type : NamedType | ListType | NonNullType
    private ITypeNode ParseTypeReference()
    {
        var start = _token;
        ITypeNode type;
        if (ExpectOptional(TokenKind.LeftBracket))
        {
            EnterNesting(start);
            var itemType = ParseTypeReference();
            Expect(TokenKind.RightBracket);
            LeaveNesting();
            type = new ListTypeNode { Type = itemType, Location = LocationFrom(start) };
        }
        else
        {
            type = ParseNamedType();
        }

        return ExpectOptional(TokenKind.Bang)
            ? new NonNullTypeNode { Type = type, Location = LocationFrom(start) }
            : type;
    }

    // NamedType : Name
    private NamedTypeNode ParseNamedType()
    {
        var start = _token;
        var name = ParseName();
        return new NamedTypeNode { Name = name, Location = LocationFrom(start) };
    }

    // Directives[Const] : Directive[?Const]+
    private IReadOnlyList<DirectiveNode> ParseDirectives(bool isConst)
    {
        if (!Peek(TokenKind.At))
        {
            return Array.Empty<DirectiveNode>();
        }

        var directives = new List<DirectiveNode>();
        do
        {
            directives.Add(ParseDirective(isConst));
        }
        while (Peek(TokenKind.At));

        return directives;
    }

    // Directive[Const] : @ Name Arguments[?Const]?
    private DirectiveNode ParseDirective(bool isConst)
    {
        var start = Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArguments(isConst);
        return new DirectiveNode { Name = name, Arguments = arguments, Location = LocationFrom(start) };
    }

    // Default values and type-system directives take constant values only. The variable's name, when
    // there is one, makes the message easier to act on.
    private GraphQLSyntaxException UnexpectedVariable(Token dollar)
    {
        Advance();
        var variable = _token.Kind == TokenKind.Name ? "$" + _token.Value : "$";
        return Error(dollar, $"Unexpected variable \"{variable}\" in constant value.", SyntaxErrorCode.UnexpectedVariable);
    }
}
