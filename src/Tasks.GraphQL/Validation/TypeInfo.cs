using Tasks.GraphQL.Introspection;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Validation;

/// <summary>
/// Where in the schema a walk over a document is: the composite type whose selection set is being
/// read, the field and its type, the directive and argument, and the input type a value must have.
/// The validation walk updates it before the rules enter a node and after they leave it; every
/// property is null where the document refers to something the schema does not have.
/// </summary>
public sealed class TypeInfo
{
    private readonly Schema _schema;
    private readonly List<INamedType?> _parentTypes = [];
    private readonly List<IGraphQLType?> _types = [];
    private readonly List<FieldDefinition?> _fieldDefinitions = [];
    private readonly List<IGraphQLType?> _inputTypes = [];
    private readonly List<IValueNode?> _defaultValues = [];
    private bool _insideDirective;

    /// <summary>Creates the tracker for documents checked against <paramref name="schema"/>.</summary>
    /// <param name="schema">The schema the document is read against.</param>
    public TypeInfo(Schema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        _schema = schema;
    }

    /// <summary>The object, interface or union type whose selection set is being read.</summary>
    public INamedType? ParentType => Top(_parentTypes);

    /// <summary>The output type of the current field, fragment or operation.</summary>
    public IGraphQLType? Type => Top(_types);

    /// <summary>The definition of the current field.</summary>
    public FieldDefinition? FieldDefinition => Top(_fieldDefinitions);

    /// <summary>The directive whose arguments are being read.</summary>
    public DirectiveDefinition? Directive { get; private set; }

    /// <summary>The definition of the argument being read.</summary>
    public InputValueDefinition? Argument { get; private set; }

    /// <summary>The input type the current value must have.</summary>
    public IGraphQLType? InputType => Top(_inputTypes);

    /// <summary>The input type of the value that encloses the current one (the list or input object).</summary>
    public IGraphQLType? ParentInputType => _inputTypes.Count > 1 ? _inputTypes[^2] : null;

    /// <summary>The default value the schema gives the current argument or input field, if any.</summary>
    public IValueNode? DefaultValue => Top(_defaultValues);

    /// <summary>
    /// The field <paramref name="name"/> of <paramref name="parentType"/>, including the meta-fields:
    /// <c>__typename</c> on every composite type, and <c>__schema</c> and <c>__type</c> on the query type
    /// when the schema has the introspection types.
    /// </summary>
    /// <param name="parentType">The type the field is selected on.</param>
    /// <param name="name">The field's name.</param>
    public FieldDefinition? GetFieldDefinition(INamedType parentType, string name)
    {
        ArgumentNullException.ThrowIfNull(parentType);
        ArgumentNullException.ThrowIfNull(name);
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            switch (name)
            {
                // The executor's own meta-field definitions: validation and execution agree on them by construction.
                case "__typename" when parentType is IComplexType or UnionType:
                    return IntrospectionFields.TypeName;
                case "__schema" when ReferenceEquals(parentType, _schema.Query) && _schema.GetType("__Schema") is not null:
                    return IntrospectionFields.Schema;
                case "__type" when ReferenceEquals(parentType, _schema.Query) && _schema.GetType("__Type") is not null:
                    return IntrospectionFields.Type;
            }
        }

        return parentType is IComplexType complex && complex.Fields.TryGetValue(name, out var field) ? field : null;
    }

    /// <summary>The schema type a type reference of the document names, or null when it names an unknown type.</summary>
    /// <param name="typeNode">The type reference, such as <c>[String!]</c>.</param>
    public IGraphQLType? TypeFromAst(ITypeNode typeNode) => TypeFromAst(_schema, typeNode);

    /// <summary>The schema type a type reference names, or null when it names an unknown type.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="typeNode">The type reference, such as <c>[String!]</c>.</param>
    public static IGraphQLType? TypeFromAst(Schema schema, ITypeNode typeNode)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return typeNode switch
        {
            NamedTypeNode named => schema.GetType(named.Name.Value),
            ListTypeNode list => TypeFromAst(schema, list.Type) is { } item ? new ListType(item) : null,
            NonNullTypeNode nonNull => TypeFromAst(schema, nonNull.Type) is { } inner and not NonNullType ? new NonNullType(inner) : null,
            _ => null,
        };
    }

    /// <summary>Moves into <paramref name="node"/>; call before the rules enter it.</summary>
    internal void Enter(INode node)
    {
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
                var named = Type?.NamedType();
                _parentTypes.Add(named is IComplexType or UnionType ? named : null);
                break;
            case NodeKind.Field:
                var parent = ParentType;
                var field = parent is null ? null : GetFieldDefinition(parent, ((FieldNode)node).Name.Value);
                _fieldDefinitions.Add(field);
                _types.Add(field?.Type is { } fieldType && fieldType.IsOutputType() ? fieldType : null);
                break;
            case NodeKind.Directive:
                _insideDirective = true;
                Directive = _schema.GetDirective(((DirectiveNode)node).Name.Value);
                break;
            case NodeKind.OperationDefinition:
                _types.Add(_schema.RootType(((OperationDefinitionNode)node).Operation));
                break;
            case NodeKind.InlineFragment:
                var condition = ((InlineFragmentNode)node).TypeCondition;
                _types.Add(OutputTypeOrNull(condition is null ? Type?.NamedType() : _schema.GetType(condition.Name.Value)));
                break;
            case NodeKind.FragmentDefinition:
                _types.Add(OutputTypeOrNull(_schema.GetType(((FragmentDefinitionNode)node).TypeCondition.Name.Value)));
                break;
            case NodeKind.VariableDefinition:
                _inputTypes.Add(InputTypeOrNull(TypeFromAst(((VariableDefinitionNode)node).Type)));
                break;
            case NodeKind.Argument:
                // Inside an unknown directive the arguments are unknown too, not the enclosing field's.
                var arguments = _insideDirective ? Directive?.Arguments : FieldDefinition?.Arguments;
                var argument = arguments is not null && arguments.TryGetValue(((ArgumentNode)node).Name.Value, out var found) ? found : null;
                Argument = argument;
                _defaultValues.Add(argument?.DefaultValue);
                _inputTypes.Add(InputTypeOrNull(argument?.Type));
                break;
            case NodeKind.ListValue:
                // A list literal's items have the list's item type; a list given where a single value is
                // expected keeps that type, so the mismatch is reported on the list itself.
                var listType = InputType?.Nullable();
                _defaultValues.Add(null);
                _inputTypes.Add(InputTypeOrNull(listType is ListType list ? list.OfType : listType));
                break;
            case NodeKind.ObjectField:
                InputValueDefinition? inputField = null;
                if (InputType?.NamedType() is InputObjectType inputObject)
                {
                    inputObject.Fields.TryGetValue(((ObjectFieldNode)node).Name.Value, out inputField);
                }

                _defaultValues.Add(inputField?.DefaultValue);
                _inputTypes.Add(InputTypeOrNull(inputField?.Type));
                break;
        }
    }

    /// <summary>Moves out of <paramref name="node"/>; call after the rules leave it.</summary>
    internal void Leave(INode node)
    {
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
                Pop(_parentTypes);
                break;
            case NodeKind.Field:
                Pop(_fieldDefinitions);
                Pop(_types);
                break;
            case NodeKind.Directive:
                _insideDirective = false;
                Directive = null;
                break;
            case NodeKind.OperationDefinition:
            case NodeKind.InlineFragment:
            case NodeKind.FragmentDefinition:
                Pop(_types);
                break;
            case NodeKind.VariableDefinition:
                Pop(_inputTypes);
                break;
            case NodeKind.Argument:
                Argument = null;
                Pop(_defaultValues);
                Pop(_inputTypes);
                break;
            case NodeKind.ListValue:
            case NodeKind.ObjectField:
                Pop(_defaultValues);
                Pop(_inputTypes);
                break;
        }
    }


    private static IGraphQLType? OutputTypeOrNull(IGraphQLType? type) => type is not null && type.IsOutputType() ? type : null;

    private static IGraphQLType? InputTypeOrNull(IGraphQLType? type) => type is not null && type.IsInputType() ? type : null;

    private static T? Top<T>(List<T?> stack)
        where T : class => stack.Count > 0 ? stack[^1] : null;

    private static void Pop<T>(List<T> stack) => stack.RemoveAt(stack.Count - 1);
}
