namespace Tasks.GraphQL.Language;

/// <summary>
/// Walks a syntax tree depth-first, children in source order, reporting each node to an
/// <see cref="AstVisitor"/>. Every node is visited, names and descriptions included. The walk allocates
/// only its ancestor stack.
/// </summary>
public static class AstWalker
{
    /// <summary>Walks the tree under <paramref name="root"/>, root included.</summary>
    /// <param name="root">Where to start, usually a <see cref="DocumentNode"/>.</param>
    /// <param name="visitor">Receives the enter and leave calls.</param>
    public static void Walk(INode root, AstVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);
        var ancestors = new List<INode>();
        visitor.AttachAncestors(ancestors);
        try
        {
            var walk = new WalkSink(visitor, ancestors);
            walk.Visit(root);
        }
        finally
        {
            visitor.AttachAncestors([]);
        }
    }

    /// <summary>The direct children of a node, in the order a walk visits them.</summary>
    /// <param name="node">The node.</param>
    public static IReadOnlyList<INode> GetChildren(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var collect = new CollectSink(new List<INode>());
        ForEachChild(node, ref collect);
        return collect.Children;
    }

    // Receives children one at a time; false stops the iteration. A struct type argument lets the JIT
    // specialize ForEachChild per sink, so walking needs no delegates or enumerators.
    private interface IChildSink
    {
        bool Child(INode child);
    }

    private readonly struct WalkSink(AstVisitor visitor, List<INode> ancestors) : IChildSink
    {
        // False when the visitor stopped the walk.
        public bool Visit(INode node)
        {
            var action = visitor.Enter(node);
            if (action == VisitAction.Stop)
            {
                return false;
            }

            if (action == VisitAction.Continue)
            {
                ancestors.Add(node);
                var self = this;
                var completed = ForEachChild(node, ref self);
                ancestors.RemoveAt(ancestors.Count - 1);
                if (!completed)
                {
                    return false;
                }
            }

            visitor.Leave(node);
            return true;
        }

        public bool Child(INode child) => Visit(child);
    }

    private readonly struct CollectSink(List<INode> children) : IChildSink
    {
        public List<INode> Children => children;

        public bool Child(INode child)
        {
            children.Add(child);
            return true;
        }
    }

    // The single place that knows each node's children and their order.
    private static bool ForEachChild<TSink>(INode node, ref TSink sink)
        where TSink : struct, IChildSink
    {
        switch (node.Kind)
        {
            case NodeKind.Document:
                return Many(((DocumentNode)node).Definitions, ref sink);
            case NodeKind.OperationDefinition:
                var operation = (OperationDefinitionNode)node;
                return One(operation.Description, ref sink) && One(operation.Name, ref sink)
                    && Many(operation.VariableDefinitions, ref sink) && Many(operation.Directives, ref sink)
                    && sink.Child(operation.SelectionSet);
            case NodeKind.VariableDefinition:
                var variable = (VariableDefinitionNode)node;
                return One(variable.Description, ref sink) && sink.Child(variable.Variable) && sink.Child(variable.Type)
                    && One(variable.DefaultValue, ref sink) && Many(variable.Directives, ref sink);
            case NodeKind.SelectionSet:
                return Many(((SelectionSetNode)node).Selections, ref sink);
            case NodeKind.Field:
                var field = (FieldNode)node;
                return One(field.Alias, ref sink) && sink.Child(field.Name) && Many(field.Arguments, ref sink)
                    && Many(field.Directives, ref sink) && One(field.SelectionSet, ref sink);
            case NodeKind.Argument:
                var argument = (ArgumentNode)node;
                return sink.Child(argument.Name) && sink.Child(argument.Value);
            case NodeKind.FragmentSpread:
                var spread = (FragmentSpreadNode)node;
                return sink.Child(spread.Name) && Many(spread.Directives, ref sink);
            case NodeKind.InlineFragment:
                var inline = (InlineFragmentNode)node;
                return One(inline.TypeCondition, ref sink) && Many(inline.Directives, ref sink) && sink.Child(inline.SelectionSet);
            case NodeKind.FragmentDefinition:
                var fragment = (FragmentDefinitionNode)node;
                return One(fragment.Description, ref sink) && sink.Child(fragment.Name) && sink.Child(fragment.TypeCondition)
                    && Many(fragment.Directives, ref sink) && sink.Child(fragment.SelectionSet);
            case NodeKind.Variable:
                return sink.Child(((VariableNode)node).Name);
            case NodeKind.ListValue:
                return Many(((ListValueNode)node).Values, ref sink);
            case NodeKind.ObjectValue:
                return Many(((ObjectValueNode)node).Fields, ref sink);
            case NodeKind.ObjectField:
                var objectField = (ObjectFieldNode)node;
                return sink.Child(objectField.Name) && sink.Child(objectField.Value);
            case NodeKind.Directive:
                var directive = (DirectiveNode)node;
                return sink.Child(directive.Name) && Many(directive.Arguments, ref sink);
            case NodeKind.NamedType:
                return sink.Child(((NamedTypeNode)node).Name);
            case NodeKind.ListType:
                return sink.Child(((ListTypeNode)node).Type);
            case NodeKind.NonNullType:
                return sink.Child(((NonNullTypeNode)node).Type);
            case NodeKind.SchemaDefinition:
                var schema = (SchemaDefinitionNode)node;
                return One(schema.Description, ref sink) && Many(schema.Directives, ref sink) && Many(schema.OperationTypes, ref sink);
            case NodeKind.OperationTypeDefinition:
                return sink.Child(((OperationTypeDefinitionNode)node).Type);
            case NodeKind.ScalarTypeDefinition:
                var scalar = (ScalarTypeDefinitionNode)node;
                return One(scalar.Description, ref sink) && sink.Child(scalar.Name) && Many(scalar.Directives, ref sink);
            case NodeKind.ObjectTypeDefinition:
                var objectType = (ObjectTypeDefinitionNode)node;
                return One(objectType.Description, ref sink) && sink.Child(objectType.Name) && Many(objectType.Interfaces, ref sink)
                    && Many(objectType.Directives, ref sink) && Many(objectType.Fields, ref sink);
            case NodeKind.FieldDefinition:
                var fieldDefinition = (FieldDefinitionNode)node;
                return One(fieldDefinition.Description, ref sink) && sink.Child(fieldDefinition.Name)
                    && Many(fieldDefinition.Arguments, ref sink) && sink.Child(fieldDefinition.Type)
                    && Many(fieldDefinition.Directives, ref sink);
            case NodeKind.InputValueDefinition:
                var inputValue = (InputValueDefinitionNode)node;
                return One(inputValue.Description, ref sink) && sink.Child(inputValue.Name) && sink.Child(inputValue.Type)
                    && One(inputValue.DefaultValue, ref sink) && Many(inputValue.Directives, ref sink);
            case NodeKind.InterfaceTypeDefinition:
                var interfaceType = (InterfaceTypeDefinitionNode)node;
                return One(interfaceType.Description, ref sink) && sink.Child(interfaceType.Name)
                    && Many(interfaceType.Interfaces, ref sink) && Many(interfaceType.Directives, ref sink)
                    && Many(interfaceType.Fields, ref sink);
            case NodeKind.UnionTypeDefinition:
                var union = (UnionTypeDefinitionNode)node;
                return One(union.Description, ref sink) && sink.Child(union.Name) && Many(union.Directives, ref sink)
                    && Many(union.Types, ref sink);
            case NodeKind.EnumTypeDefinition:
                var enumType = (EnumTypeDefinitionNode)node;
                return One(enumType.Description, ref sink) && sink.Child(enumType.Name) && Many(enumType.Directives, ref sink)
                    && Many(enumType.Values, ref sink);
            case NodeKind.EnumValueDefinition:
                var enumValue = (EnumValueDefinitionNode)node;
                return One(enumValue.Description, ref sink) && sink.Child(enumValue.Name) && Many(enumValue.Directives, ref sink);
            case NodeKind.InputObjectTypeDefinition:
                var input = (InputObjectTypeDefinitionNode)node;
                return One(input.Description, ref sink) && sink.Child(input.Name) && Many(input.Directives, ref sink)
                    && Many(input.Fields, ref sink);
            case NodeKind.DirectiveDefinition:
                var directiveDefinition = (DirectiveDefinitionNode)node;
                return One(directiveDefinition.Description, ref sink) && sink.Child(directiveDefinition.Name)
                    && Many(directiveDefinition.Arguments, ref sink);
            case NodeKind.SchemaExtension:
                var schemaExtension = (SchemaExtensionNode)node;
                return Many(schemaExtension.Directives, ref sink) && Many(schemaExtension.OperationTypes, ref sink);
            case NodeKind.ScalarTypeExtension:
                var scalarExtension = (ScalarTypeExtensionNode)node;
                return sink.Child(scalarExtension.Name) && Many(scalarExtension.Directives, ref sink);
            case NodeKind.ObjectTypeExtension:
                var objectExtension = (ObjectTypeExtensionNode)node;
                return sink.Child(objectExtension.Name) && Many(objectExtension.Interfaces, ref sink)
                    && Many(objectExtension.Directives, ref sink) && Many(objectExtension.Fields, ref sink);
            case NodeKind.InterfaceTypeExtension:
                var interfaceExtension = (InterfaceTypeExtensionNode)node;
                return sink.Child(interfaceExtension.Name) && Many(interfaceExtension.Interfaces, ref sink)
                    && Many(interfaceExtension.Directives, ref sink) && Many(interfaceExtension.Fields, ref sink);
            case NodeKind.UnionTypeExtension:
                var unionExtension = (UnionTypeExtensionNode)node;
                return sink.Child(unionExtension.Name) && Many(unionExtension.Directives, ref sink) && Many(unionExtension.Types, ref sink);
            case NodeKind.EnumTypeExtension:
                var enumExtension = (EnumTypeExtensionNode)node;
                return sink.Child(enumExtension.Name) && Many(enumExtension.Directives, ref sink) && Many(enumExtension.Values, ref sink);
            case NodeKind.InputObjectTypeExtension:
                var inputExtension = (InputObjectTypeExtensionNode)node;
                return sink.Child(inputExtension.Name) && Many(inputExtension.Directives, ref sink) && Many(inputExtension.Fields, ref sink);
            default:
                // Names and scalar values have no children.
                return true;
        }
    }

    private static bool One<TSink>(INode? child, ref TSink sink)
        where TSink : struct, IChildSink => child is null || sink.Child(child);

    private static bool Many<T, TSink>(IReadOnlyList<T> children, ref TSink sink)
        where T : INode
        where TSink : struct, IChildSink
    {
        for (var i = 0; i < children.Count; i++)
        {
            if (!sink.Child(children[i]))
            {
                return false;
            }
        }

        return true;
    }
}
