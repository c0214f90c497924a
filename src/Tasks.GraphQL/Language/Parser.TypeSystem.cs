namespace Tasks.GraphQL.Language;

// Type-system definitions and extensions (spec §3). Directives and default values here are [Const].
public sealed partial class Parser
{
    // SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    private SchemaDefinitionNode ParseSchemaDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        Expect(TokenKind.LeftBrace);
        var operationTypes = ParseOperationTypeDefinitions();
        return new SchemaDefinitionNode
        {
            Description = description,
            Directives = directives,
            OperationTypes = operationTypes,
            Location = LocationFrom(start),
        };
    }

    // The rest of { RootOperationTypeDefinition+ }, after the opening brace.
    private List<OperationTypeDefinitionNode> ParseOperationTypeDefinitions()
    {
        var operationTypes = new List<OperationTypeDefinitionNode>();
        do
        {
            operationTypes.Add(ParseOperationTypeDefinition());
        }
        while (!ExpectOptional(TokenKind.RightBrace));

        return operationTypes;
    }

    // RootOperationTypeDefinition : OperationType : NamedType
    private OperationTypeDefinitionNode ParseOperationTypeDefinition()
    {
        var start = _token;
        var operation = ParseOperationType();
        Expect(TokenKind.Colon);
        var type = ParseNamedType();
        return new OperationTypeDefinitionNode { Operation = operation, Type = type, Location = LocationFrom(start) };
    }

    // ScalarTypeDefinition : Description? scalar Name Directives[Const]?
    private ScalarTypeDefinitionNode ParseScalarTypeDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new ScalarTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    // ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    private ObjectTypeDefinitionNode ParseObjectTypeDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new ObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    // InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    private InterfaceTypeDefinitionNode ParseInterfaceTypeDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        return new InterfaceTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    // ImplementsInterfaces : ImplementsInterfaces & NamedType | implements &? NamedType
    private IReadOnlyList<NamedTypeNode> ParseImplementsInterfaces()
    {
        if (!ExpectOptionalKeyword("implements"))
        {
            return Array.Empty<NamedTypeNode>();
        }

        ExpectOptional(TokenKind.Ampersand);
        var interfaces = new List<NamedTypeNode>();
        do
        {
            interfaces.Add(ParseNamedType());
        }
        while (ExpectOptional(TokenKind.Ampersand));

        return interfaces;
    }

    // FieldsDefinition : { FieldDefinition+ }
    private IReadOnlyList<FieldDefinitionNode> ParseFieldsDefinition()
    {
        if (!ExpectOptional(TokenKind.LeftBrace))
        {
            return Array.Empty<FieldDefinitionNode>();
        }

        var fields = new List<FieldDefinitionNode>();
        do
        {
            fields.Add(ParseFieldDefinition());
        }
        while (!ExpectOptional(TokenKind.RightBrace));

        return fields;
    }

    // FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    private FieldDefinitionNode ParseFieldDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        var arguments = ParseArgumentsDefinition();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var directives = ParseDirectives(isConst: true);
        return new FieldDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            Type = type,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    // ArgumentsDefinition : ( InputValueDefinition+ )
    private IReadOnlyList<InputValueDefinitionNode> ParseArgumentsDefinition() =>
        ParseInputValueDefinitions(TokenKind.LeftParenthesis, TokenKind.RightParenthesis);

    // InputFieldsDefinition : { InputValueDefinition+ }
    private IReadOnlyList<InputValueDefinitionNode> ParseInputFieldsDefinition() =>
        ParseInputValueDefinitions(TokenKind.LeftBrace, TokenKind.RightBrace);

    private IReadOnlyList<InputValueDefinitionNode> ParseInputValueDefinitions(TokenKind open, TokenKind close)
    {
        if (!ExpectOptional(open))
        {
            return Array.Empty<InputValueDefinitionNode>();
        }

        var values = new List<InputValueDefinitionNode>();
        do
        {
            values.Add(ParseInputValueDefinition());
        }
        while (!ExpectOptional(close));

        return values;
    }

    // InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    private InputValueDefinitionNode ParseInputValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var name = ParseName();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new InputValueDefinitionNode
        {
            Description = description,
            Name = name,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    // UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
    private UnionTypeDefinitionNode ParseUnionTypeDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        return new UnionTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Types = types,
            Location = LocationFrom(start),
        };
    }

    // UnionMemberTypes : UnionMemberTypes | NamedType | = |? NamedType
    private IReadOnlyList<NamedTypeNode> ParseUnionMemberTypes()
    {
        if (!ExpectOptional(TokenKind.EqualsSign))
        {
            return Array.Empty<NamedTypeNode>();
        }

        ExpectOptional(TokenKind.Pipe);
        var types = new List<NamedTypeNode>();
        do
        {
            types.Add(ParseNamedType());
        }
        while (ExpectOptional(TokenKind.Pipe));

        return types;
    }

    // EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
    private EnumTypeDefinitionNode ParseEnumTypeDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        return new EnumTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Values = values,
            Location = LocationFrom(start),
        };
    }

    // EnumValuesDefinition : { EnumValueDefinition+ }
    private IReadOnlyList<EnumValueDefinitionNode> ParseEnumValuesDefinition()
    {
        if (!ExpectOptional(TokenKind.LeftBrace))
        {
            return Array.Empty<EnumValueDefinitionNode>();
        }

        var values = new List<EnumValueDefinitionNode>();
        do
        {
            values.Add(ParseEnumValueDefinition());
        }
        while (!ExpectOptional(TokenKind.RightBrace));

        return values;
    }

    // EnumValueDefinition : Description? EnumValue Directives[Const]?
    // EnumValue : Name but not true or false or null
    private EnumValueDefinitionNode ParseEnumValueDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        if (_token.Kind == TokenKind.Name && _token.Value is "true" or "false" or "null")
        {
            throw Error(_token, $"Name \"{_token.Value}\" is reserved and cannot be used for an enum value.", SyntaxErrorCode.ReservedName);
        }

        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        return new EnumValueDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    // InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
    private InputObjectTypeDefinitionNode ParseInputObjectTypeDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        return new InputObjectTypeDefinitionNode
        {
            Description = description,
            Name = name,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    // DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? repeatable? on DirectiveLocations
    private DirectiveDefinitionNode ParseDirectiveDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("directive");
        Expect(TokenKind.At);
        var name = ParseName();
        var arguments = ParseArgumentsDefinition();
        var isRepeatable = ExpectOptionalKeyword("repeatable");
        ExpectKeyword("on");
        var locations = ParseDirectiveLocations();
        return new DirectiveDefinitionNode
        {
            Description = description,
            Name = name,
            Arguments = arguments,
            IsRepeatable = isRepeatable,
            Locations = locations,
            Location = LocationFrom(start),
        };
    }

    // DirectiveLocations : DirectiveLocations | DirectiveLocation | |? DirectiveLocation
    private List<DirectiveLocation> ParseDirectiveLocations()
    {
        ExpectOptional(TokenKind.Pipe);
        var locations = new List<DirectiveLocation>();
        do
        {
            var token = _token;
            if (token.Kind != TokenKind.Name || !DirectiveLocationNames.TryParse(token.Value!, out var location))
            {
                throw Error(token, $"Expected directive location, found {token.Description}.", SyntaxErrorCode.UnexpectedToken);
            }

            Advance();
            locations.Add(location);
        }
        while (ExpectOptional(TokenKind.Pipe));

        return locations;
    }

    // TypeSystemExtension : SchemaExtension | TypeExtension. Each extension must add something: the
    // grammar has no production for "extend type Foo" alone.
    private ITypeSystemExtensionNode ParseTypeSystemExtension()
    {
        var start = _token;
        ExpectKeyword("extend");
        if (_token.Kind == TokenKind.Name)
        {
            switch (_token.Value)
            {
                case "schema":
                    return ParseSchemaExtension(start);
                case "scalar":
                    return ParseScalarTypeExtension(start);
                case "type":
                    return ParseObjectTypeExtension(start);
                case "interface":
                    return ParseInterfaceTypeExtension(start);
                case "union":
                    return ParseUnionTypeExtension(start);
                case "enum":
                    return ParseEnumTypeExtension(start);
                case "input":
                    return ParseInputObjectTypeExtension(start);
            }
        }

        throw Unexpected();
    }

    // SchemaExtension : extend schema Directives[Const]? { RootOperationTypeDefinition+ } | extend schema Directives[Const]
    private SchemaExtensionNode ParseSchemaExtension(Token start)
    {
        ExpectKeyword("schema");
        var directives = ParseDirectives(isConst: true);
        IReadOnlyList<OperationTypeDefinitionNode> operationTypes = ExpectOptional(TokenKind.LeftBrace)
            ? ParseOperationTypeDefinitions()
            : Array.Empty<OperationTypeDefinitionNode>();
        if (directives.Count == 0 && operationTypes.Count == 0)
        {
            throw EmptyExtension("\"@\" or \"{\"");
        }

        return new SchemaExtensionNode { Directives = directives, OperationTypes = operationTypes, Location = LocationFrom(start) };
    }

    // ScalarTypeExtension : extend scalar Name Directives[Const]
    private ScalarTypeExtensionNode ParseScalarTypeExtension(Token start)
    {
        ExpectKeyword("scalar");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        if (directives.Count == 0)
        {
            throw EmptyExtension("\"@\"");
        }

        return new ScalarTypeExtensionNode { Name = name, Directives = directives, Location = LocationFrom(start) };
    }

    // ObjectTypeExtension : extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition, or with fewer parts but at least one
    private ObjectTypeExtensionNode ParseObjectTypeExtension(Token start)
    {
        ExpectKeyword("type");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw EmptyExtension("\"implements\", \"@\" or \"{\"");
        }

        return new ObjectTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    // InterfaceTypeExtension : like ObjectTypeExtension, with "interface"
    private InterfaceTypeExtensionNode ParseInterfaceTypeExtension(Token start)
    {
        ExpectKeyword("interface");
        var name = ParseName();
        var interfaces = ParseImplementsInterfaces();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseFieldsDefinition();
        if (interfaces.Count == 0 && directives.Count == 0 && fields.Count == 0)
        {
            throw EmptyExtension("\"implements\", \"@\" or \"{\"");
        }

        return new InterfaceTypeExtensionNode
        {
            Name = name,
            Interfaces = interfaces,
            Directives = directives,
            Fields = fields,
            Location = LocationFrom(start),
        };
    }

    // UnionTypeExtension : extend union Name Directives[Const]? UnionMemberTypes | extend union Name Directives[Const]
    private UnionTypeExtensionNode ParseUnionTypeExtension(Token start)
    {
        ExpectKeyword("union");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var types = ParseUnionMemberTypes();
        if (directives.Count == 0 && types.Count == 0)
        {
            throw EmptyExtension("\"@\" or \"=\"");
        }

        return new UnionTypeExtensionNode { Name = name, Directives = directives, Types = types, Location = LocationFrom(start) };
    }

    // EnumTypeExtension : extend enum Name Directives[Const]? EnumValuesDefinition | extend enum Name Directives[Const]
    private EnumTypeExtensionNode ParseEnumTypeExtension(Token start)
    {
        ExpectKeyword("enum");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var values = ParseEnumValuesDefinition();
        if (directives.Count == 0 && values.Count == 0)
        {
            throw EmptyExtension("\"@\" or \"{\"");
        }

        return new EnumTypeExtensionNode { Name = name, Directives = directives, Values = values, Location = LocationFrom(start) };
    }

    // InputObjectTypeExtension : extend input Name Directives[Const]? InputFieldsDefinition | extend input Name Directives[Const]
    private InputObjectTypeExtensionNode ParseInputObjectTypeExtension(Token start)
    {
        ExpectKeyword("input");
        var name = ParseName();
        var directives = ParseDirectives(isConst: true);
        var fields = ParseInputFieldsDefinition();
        if (directives.Count == 0 && fields.Count == 0)
        {
            throw EmptyExtension("\"@\" or \"{\"");
        }

        return new InputObjectTypeExtensionNode { Name = name, Directives = directives, Fields = fields, Location = LocationFrom(start) };
    }

    private GraphQLSyntaxException EmptyExtension(string expected) =>
        Error(_token, $"Expected {expected}, found {_token.Description}: an extension must add something.", SyntaxErrorCode.EmptyExtension);
}
