namespace Tasks.GraphQL.Language;

/// <summary>
/// Structural equality of syntax trees: same kinds, names, values and children in the same order,
/// ignoring <see cref="INode.Location"/>. Used to check that printing and re-parsing preserves a
/// document, and to compare argument values (e.g. when deciding whether two fields can merge).
/// </summary>
public sealed class AstComparer : IEqualityComparer<INode>
{
    /// <summary>The shared instance; the comparer has no state.</summary>
    public static AstComparer Instance { get; } = new();

    private AstComparer()
    {
    }

    /// <summary>Whether two trees are structurally equal, ignoring locations; two nulls are equal.</summary>
    /// <param name="x">One tree.</param>
    /// <param name="y">The other tree.</param>
    public bool Equals(INode? x, INode? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Kind != y.Kind)
        {
            return false;
        }

        return x.Kind switch
        {
            NodeKind.Name => ((NameNode)x).Value == ((NameNode)y).Value,
            NodeKind.Document => List(((DocumentNode)x).Definitions, ((DocumentNode)y).Definitions),
            NodeKind.OperationDefinition => OperationDefinition((OperationDefinitionNode)x, (OperationDefinitionNode)y),
            NodeKind.VariableDefinition => VariableDefinition((VariableDefinitionNode)x, (VariableDefinitionNode)y),
            NodeKind.SelectionSet => List(((SelectionSetNode)x).Selections, ((SelectionSetNode)y).Selections),
            NodeKind.Field => Field((FieldNode)x, (FieldNode)y),
            NodeKind.Argument => Equals(((ArgumentNode)x).Name, ((ArgumentNode)y).Name) && Equals(((ArgumentNode)x).Value, ((ArgumentNode)y).Value),
            NodeKind.FragmentSpread => FragmentSpread((FragmentSpreadNode)x, (FragmentSpreadNode)y),
            NodeKind.InlineFragment => InlineFragment((InlineFragmentNode)x, (InlineFragmentNode)y),
            NodeKind.FragmentDefinition => FragmentDefinition((FragmentDefinitionNode)x, (FragmentDefinitionNode)y),
            NodeKind.Variable => Equals(((VariableNode)x).Name, ((VariableNode)y).Name),
            NodeKind.IntValue => ((IntValueNode)x).Value == ((IntValueNode)y).Value,
            NodeKind.FloatValue => ((FloatValueNode)x).Value == ((FloatValueNode)y).Value,
            NodeKind.StringValue => ((StringValueNode)x).Value == ((StringValueNode)y).Value && ((StringValueNode)x).IsBlock == ((StringValueNode)y).IsBlock,
            NodeKind.BooleanValue => ((BooleanValueNode)x).Value == ((BooleanValueNode)y).Value,
            NodeKind.NullValue => true,
            NodeKind.EnumValue => ((EnumValueNode)x).Value == ((EnumValueNode)y).Value,
            NodeKind.ListValue => List(((ListValueNode)x).Values, ((ListValueNode)y).Values),
            NodeKind.ObjectValue => List(((ObjectValueNode)x).Fields, ((ObjectValueNode)y).Fields),
            NodeKind.ObjectField => Equals(((ObjectFieldNode)x).Name, ((ObjectFieldNode)y).Name) && Equals(((ObjectFieldNode)x).Value, ((ObjectFieldNode)y).Value),
            NodeKind.Directive => Equals(((DirectiveNode)x).Name, ((DirectiveNode)y).Name) && List(((DirectiveNode)x).Arguments, ((DirectiveNode)y).Arguments),
            NodeKind.NamedType => Equals(((NamedTypeNode)x).Name, ((NamedTypeNode)y).Name),
            NodeKind.ListType => Equals(((ListTypeNode)x).Type, ((ListTypeNode)y).Type),
            NodeKind.NonNullType => Equals(((NonNullTypeNode)x).Type, ((NonNullTypeNode)y).Type),
            NodeKind.SchemaDefinition => SchemaDefinition((SchemaDefinitionNode)x, (SchemaDefinitionNode)y),
            NodeKind.OperationTypeDefinition => ((OperationTypeDefinitionNode)x).Operation == ((OperationTypeDefinitionNode)y).Operation && Equals(((OperationTypeDefinitionNode)x).Type, ((OperationTypeDefinitionNode)y).Type),
            NodeKind.ScalarTypeDefinition => ScalarTypeDefinition((ScalarTypeDefinitionNode)x, (ScalarTypeDefinitionNode)y),
            NodeKind.ObjectTypeDefinition => ObjectTypeDefinition((ObjectTypeDefinitionNode)x, (ObjectTypeDefinitionNode)y),
            NodeKind.FieldDefinition => FieldDefinition((FieldDefinitionNode)x, (FieldDefinitionNode)y),
            NodeKind.InputValueDefinition => InputValueDefinition((InputValueDefinitionNode)x, (InputValueDefinitionNode)y),
            NodeKind.InterfaceTypeDefinition => InterfaceTypeDefinition((InterfaceTypeDefinitionNode)x, (InterfaceTypeDefinitionNode)y),
            NodeKind.UnionTypeDefinition => UnionTypeDefinition((UnionTypeDefinitionNode)x, (UnionTypeDefinitionNode)y),
            NodeKind.EnumTypeDefinition => EnumTypeDefinition((EnumTypeDefinitionNode)x, (EnumTypeDefinitionNode)y),
            NodeKind.EnumValueDefinition => EnumValueDefinition((EnumValueDefinitionNode)x, (EnumValueDefinitionNode)y),
            NodeKind.InputObjectTypeDefinition => InputObjectTypeDefinition((InputObjectTypeDefinitionNode)x, (InputObjectTypeDefinitionNode)y),
            NodeKind.DirectiveDefinition => DirectiveDefinition((DirectiveDefinitionNode)x, (DirectiveDefinitionNode)y),
            NodeKind.SchemaExtension => SchemaExtension((SchemaExtensionNode)x, (SchemaExtensionNode)y),
            NodeKind.ScalarTypeExtension => Equals(((ScalarTypeExtensionNode)x).Name, ((ScalarTypeExtensionNode)y).Name) && List(((ScalarTypeExtensionNode)x).Directives, ((ScalarTypeExtensionNode)y).Directives),
            NodeKind.ObjectTypeExtension => ObjectTypeExtension((ObjectTypeExtensionNode)x, (ObjectTypeExtensionNode)y),
            NodeKind.InterfaceTypeExtension => InterfaceTypeExtension((InterfaceTypeExtensionNode)x, (InterfaceTypeExtensionNode)y),
            NodeKind.UnionTypeExtension => UnionTypeExtension((UnionTypeExtensionNode)x, (UnionTypeExtensionNode)y),
            NodeKind.EnumTypeExtension => EnumTypeExtension((EnumTypeExtensionNode)x, (EnumTypeExtensionNode)y),
            NodeKind.InputObjectTypeExtension => InputObjectTypeExtension((InputObjectTypeExtensionNode)x, (InputObjectTypeExtensionNode)y),
            _ => throw new ArgumentOutOfRangeException(nameof(x), x.Kind, "Unknown node kind."),
        };
    }

    /// <summary>
    /// A hash consistent with <see cref="Equals(INode?, INode?)"/>: the kind and the names and literal
    /// values of the tree, in order.
    /// </summary>
    /// <param name="obj">The tree to hash.</param>
    public int GetHashCode(INode obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        HashTree(obj, ref hash);
        return hash.ToHashCode();
    }

    private static void HashTree(INode node, ref HashCode hash)
    {
        hash.Add(node.Kind);
        switch (node)
        {
            case NameNode name: hash.Add(name.Value); break;
            case IntValueNode value: hash.Add(value.Value); break;
            case FloatValueNode value: hash.Add(value.Value); break;
            case StringValueNode value: hash.Add(value.Value); break;
            case BooleanValueNode value: hash.Add(value.Value); break;
            case EnumValueNode value: hash.Add(value.Value); break;
            case OperationDefinitionNode operation: hash.Add(operation.Operation); break;
            case OperationTypeDefinitionNode operationType: hash.Add(operationType.Operation); break;
        }

        foreach (var child in AstWalker.GetChildren(node))
        {
            HashTree(child, ref hash);
        }
    }

    private bool List<T>(IReadOnlyList<T> x, IReadOnlyList<T> y)
        where T : INode
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    private bool OperationDefinition(OperationDefinitionNode x, OperationDefinitionNode y) =>
        x.Operation == y.Operation && Equals(x.Description, y.Description) && Equals(x.Name, y.Name)
        && List(x.VariableDefinitions, y.VariableDefinitions) && List(x.Directives, y.Directives)
        && Equals(x.SelectionSet, y.SelectionSet);

    private bool VariableDefinition(VariableDefinitionNode x, VariableDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Variable, y.Variable) && Equals(x.Type, y.Type)
        && Equals(x.DefaultValue, y.DefaultValue) && List(x.Directives, y.Directives);

    private bool Field(FieldNode x, FieldNode y) =>
        Equals(x.Alias, y.Alias) && Equals(x.Name, y.Name) && List(x.Arguments, y.Arguments)
        && List(x.Directives, y.Directives) && Equals(x.SelectionSet, y.SelectionSet);

    private bool FragmentSpread(FragmentSpreadNode x, FragmentSpreadNode y) =>
        Equals(x.Name, y.Name) && List(x.Directives, y.Directives);

    private bool InlineFragment(InlineFragmentNode x, InlineFragmentNode y) =>
        Equals(x.TypeCondition, y.TypeCondition) && List(x.Directives, y.Directives) && Equals(x.SelectionSet, y.SelectionSet);

    private bool FragmentDefinition(FragmentDefinitionNode x, FragmentDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && Equals(x.TypeCondition, y.TypeCondition)
        && List(x.Directives, y.Directives) && Equals(x.SelectionSet, y.SelectionSet);

    private bool SchemaDefinition(SchemaDefinitionNode x, SchemaDefinitionNode y) =>
        Equals(x.Description, y.Description) && List(x.Directives, y.Directives) && List(x.OperationTypes, y.OperationTypes);

    private bool ScalarTypeDefinition(ScalarTypeDefinitionNode x, ScalarTypeDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Directives, y.Directives);

    private bool ObjectTypeDefinition(ObjectTypeDefinitionNode x, ObjectTypeDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Interfaces, y.Interfaces)
        && List(x.Directives, y.Directives) && List(x.Fields, y.Fields);

    private bool FieldDefinition(FieldDefinitionNode x, FieldDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Arguments, y.Arguments)
        && Equals(x.Type, y.Type) && List(x.Directives, y.Directives);

    private bool InputValueDefinition(InputValueDefinitionNode x, InputValueDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && Equals(x.Type, y.Type)
        && Equals(x.DefaultValue, y.DefaultValue) && List(x.Directives, y.Directives);

    private bool InterfaceTypeDefinition(InterfaceTypeDefinitionNode x, InterfaceTypeDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Interfaces, y.Interfaces)
        && List(x.Directives, y.Directives) && List(x.Fields, y.Fields);

    private bool UnionTypeDefinition(UnionTypeDefinitionNode x, UnionTypeDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Directives, y.Directives)
        && List(x.Types, y.Types);

    private bool EnumTypeDefinition(EnumTypeDefinitionNode x, EnumTypeDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Directives, y.Directives)
        && List(x.Values, y.Values);

    private bool EnumValueDefinition(EnumValueDefinitionNode x, EnumValueDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Directives, y.Directives);

    private bool InputObjectTypeDefinition(InputObjectTypeDefinitionNode x, InputObjectTypeDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Directives, y.Directives)
        && List(x.Fields, y.Fields);

    private bool DirectiveDefinition(DirectiveDefinitionNode x, DirectiveDefinitionNode y) =>
        Equals(x.Description, y.Description) && Equals(x.Name, y.Name) && List(x.Arguments, y.Arguments)
        && x.IsRepeatable == y.IsRepeatable && x.Locations.SequenceEqual(y.Locations);

    private bool SchemaExtension(SchemaExtensionNode x, SchemaExtensionNode y) =>
        List(x.Directives, y.Directives) && List(x.OperationTypes, y.OperationTypes);

    private bool ObjectTypeExtension(ObjectTypeExtensionNode x, ObjectTypeExtensionNode y) =>
        Equals(x.Name, y.Name) && List(x.Interfaces, y.Interfaces) && List(x.Directives, y.Directives) && List(x.Fields, y.Fields);

    private bool InterfaceTypeExtension(InterfaceTypeExtensionNode x, InterfaceTypeExtensionNode y) =>
        Equals(x.Name, y.Name) && List(x.Interfaces, y.Interfaces) && List(x.Directives, y.Directives) && List(x.Fields, y.Fields);

    private bool UnionTypeExtension(UnionTypeExtensionNode x, UnionTypeExtensionNode y) =>
        Equals(x.Name, y.Name) && List(x.Directives, y.Directives) && List(x.Types, y.Types);

    private bool EnumTypeExtension(EnumTypeExtensionNode x, EnumTypeExtensionNode y) =>
        Equals(x.Name, y.Name) && List(x.Directives, y.Directives) && List(x.Values, y.Values);

    private bool InputObjectTypeExtension(InputObjectTypeExtensionNode x, InputObjectTypeExtensionNode y) =>
        Equals(x.Name, y.Name) && List(x.Directives, y.Directives) && List(x.Fields, y.Fields);
}
