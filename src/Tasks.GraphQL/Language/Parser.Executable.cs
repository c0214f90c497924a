namespace Tasks.GraphQL.Language;

// Executable definitions (spec §2.3–§2.8, §2.10): operations, selections, fragments, variables.
public sealed partial class Parser
{
    // OperationDefinition : Description? OperationType Name? VariablesDefinition? Directives? SelectionSet | SelectionSet
    private OperationDefinitionNode ParseOperationDefinition(Token start, StringValueNode? description)
    {
        if (_token.Kind == TokenKind.LeftBrace)
        {
            var shorthand = ParseSelectionSet();
            return new OperationDefinitionNode
            {
                Operation = OperationType.Query,
                SelectionSet = shorthand,
                Location = LocationFrom(start),
            };
        }

        var operation = ParseOperationType();
        var name = Peek(TokenKind.Name) ? ParseName() : null;
        var variables = ParseVariableDefinitions();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new OperationDefinitionNode
        {
            Description = description,
            Operation = operation,
            Name = name,
            VariableDefinitions = variables,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    // OperationType : one of query mutation subscription
    private OperationType ParseOperationType()
    {
        var token = _token;
        if (token.Kind == TokenKind.Name && OperationTypeKeywords.TryParse(token.Value!, out var operation))
        {
            Advance();
            return operation;
        }

        throw Unexpected();
    }

    // VariablesDefinition : ( VariableDefinition+ )
    private IReadOnlyList<VariableDefinitionNode> ParseVariableDefinitions()
    {
        if (!ExpectOptional(TokenKind.LeftParenthesis))
        {
            return Array.Empty<VariableDefinitionNode>();
        }

        var variables = new List<VariableDefinitionNode>();
        do
        {
            variables.Add(ParseVariableDefinition());
        }
        while (!ExpectOptional(TokenKind.RightParenthesis));

        return variables;
    }

    // VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    private VariableDefinitionNode ParseVariableDefinition()
    {
        var start = _token;
        var description = ParseDescription();
        var variable = ParseVariable();
        Expect(TokenKind.Colon);
        var type = ParseTypeReference();
        var defaultValue = ExpectOptional(TokenKind.EqualsSign) ? ParseValueLiteral(isConst: true) : null;
        var directives = ParseDirectives(isConst: true);
        return new VariableDefinitionNode
        {
            Description = description,
            Variable = variable,
            Type = type,
            DefaultValue = defaultValue,
            Directives = directives,
            Location = LocationFrom(start),
        };
    }

    // Variable : $ Name
    private VariableNode ParseVariable()
    {
        var start = Expect(TokenKind.Dollar);
        var name = ParseName();
        return new VariableNode { Name = name, Location = LocationFrom(start) };
    }

    // SelectionSet : { Selection+ }
    private SelectionSetNode ParseSelectionSet()
    {
        var start = _token;
        Expect(TokenKind.LeftBrace);
        EnterNesting(start);
        var selections = new List<ISelectionNode>();
        do
        {
            selections.Add(ParseSelection());
        }
        while (!ExpectOptional(TokenKind.RightBrace));

        LeaveNesting();
        return new SelectionSetNode { Selections = selections, Location = LocationFrom(start) };
    }

    // Selection : Field | FragmentSpread | InlineFragment
    private ISelectionNode ParseSelection() =>
        Peek(TokenKind.Spread) ? ParseFragment() : ParseField();

    // Field : Alias? Name Arguments? Directives? SelectionSet?
    private FieldNode ParseField()
    {
        var start = _token;
        var nameOrAlias = ParseName();
        NameNode? alias = null;
        var name = nameOrAlias;
        if (ExpectOptional(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ParseName();
        }

        var arguments = ParseArguments(isConst: false);
        var directives = ParseDirectives(isConst: false);
        var selectionSet = Peek(TokenKind.LeftBrace) ? ParseSelectionSet() : null;
        return new FieldNode
        {
            Alias = alias,
            Name = name,
            Arguments = arguments,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    // FragmentSpread : ... FragmentName Directives?
    // InlineFragment : ... TypeCondition? Directives? SelectionSet
    // "on" cannot be a fragment name, so one token after "..." tells the two apart.
    private ISelectionNode ParseFragment()
    {
        var start = _token;
        Expect(TokenKind.Spread);
        var hasTypeCondition = ExpectOptionalKeyword("on");
        if (!hasTypeCondition && Peek(TokenKind.Name))
        {
            var name = ParseName();
            var spreadDirectives = ParseDirectives(isConst: false);
            return new FragmentSpreadNode { Name = name, Directives = spreadDirectives, Location = LocationFrom(start) };
        }

        var typeCondition = hasTypeCondition ? ParseNamedType() : null;
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new InlineFragmentNode
        {
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    // FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
    private FragmentDefinitionNode ParseFragmentDefinition(Token start, StringValueNode? description)
    {
        ExpectKeyword("fragment");
        var name = ParseFragmentName();
        ExpectKeyword("on");
        var typeCondition = ParseNamedType();
        var directives = ParseDirectives(isConst: false);
        var selectionSet = ParseSelectionSet();
        return new FragmentDefinitionNode
        {
            Description = description,
            Name = name,
            TypeCondition = typeCondition,
            Directives = directives,
            SelectionSet = selectionSet,
            Location = LocationFrom(start),
        };
    }

    // FragmentName : Name but not on
    private NameNode ParseFragmentName()
    {
        if (PeekKeyword("on"))
        {
            throw Error(_token, "Unexpected Name \"on\", a fragment cannot be named \"on\".", SyntaxErrorCode.ReservedName);
        }

        return ParseName();
    }
}
