namespace Tasks.GraphQL.Language;

/// <summary>
/// Receives the nodes of a tree as <see cref="AstWalker"/> walks it depth-first in source order: an
/// <c>Enter</c> call before a node's children and a <c>Leave</c> call after them.
/// </summary>
/// <remarks>
/// <para>
/// Override the typed hooks (<see cref="EnterField"/>, <see cref="LeaveFragmentDefinition"/>, ...) to
/// react to particular kinds, or <see cref="Enter(INode)"/> and <see cref="Leave(INode)"/> to see every node;
/// by default those two dispatch on <see cref="INode.Kind"/> to the typed hooks, so a switch and one
/// virtual call per node is all the walk costs.
/// </para>
/// <para>
/// <see cref="VisitAction.SkipChildren"/> from an <c>Enter</c> hook skips the node's children but still
/// calls its <c>Leave</c> hook, so visitors that push in <c>Enter</c> and pop in <c>Leave</c> stay
/// balanced. <see cref="VisitAction.Stop"/> ends the walk at once; no further hooks are called.
/// </para>
/// <para>
/// During a walk <see cref="Ancestors"/> holds the nodes above the current one, root first. A visitor
/// instance serves one walk at a time. To run several visitors in one pass (as validation rules do),
/// combine them with <see cref="ParallelAstVisitor"/>.
/// </para>
/// </remarks>
public abstract class AstVisitor
{
    private IReadOnlyList<INode> _ancestors = [];

    /// <summary>The nodes above the one being visited, root first; empty outside a walk.</summary>
    protected IReadOnlyList<INode> Ancestors => _ancestors;

    /// <summary>The node directly above the one being visited, or null at the root.</summary>
    protected INode? Parent => _ancestors.Count > 0 ? _ancestors[^1] : null;

    /// <summary>Called before a node's children; by default calls the typed <c>Enter</c> hook for its kind.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children, skip them, or stop the walk.</returns>
    public virtual VisitAction Enter(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            NodeKind.Name => EnterName((NameNode)node),
            NodeKind.Document => EnterDocument((DocumentNode)node),
            NodeKind.OperationDefinition => EnterOperationDefinition((OperationDefinitionNode)node),
            NodeKind.VariableDefinition => EnterVariableDefinition((VariableDefinitionNode)node),
            NodeKind.SelectionSet => EnterSelectionSet((SelectionSetNode)node),
            NodeKind.Field => EnterField((FieldNode)node),
            NodeKind.Argument => EnterArgument((ArgumentNode)node),
            NodeKind.FragmentSpread => EnterFragmentSpread((FragmentSpreadNode)node),
            NodeKind.InlineFragment => EnterInlineFragment((InlineFragmentNode)node),
            NodeKind.FragmentDefinition => EnterFragmentDefinition((FragmentDefinitionNode)node),
            NodeKind.Variable => EnterVariable((VariableNode)node),
            NodeKind.IntValue => EnterIntValue((IntValueNode)node),
            NodeKind.FloatValue => EnterFloatValue((FloatValueNode)node),
            NodeKind.StringValue => EnterStringValue((StringValueNode)node),
            NodeKind.BooleanValue => EnterBooleanValue((BooleanValueNode)node),
            NodeKind.NullValue => EnterNullValue((NullValueNode)node),
            NodeKind.EnumValue => EnterEnumValue((EnumValueNode)node),
            NodeKind.ListValue => EnterListValue((ListValueNode)node),
            NodeKind.ObjectValue => EnterObjectValue((ObjectValueNode)node),
            NodeKind.ObjectField => EnterObjectField((ObjectFieldNode)node),
            NodeKind.Directive => EnterDirective((DirectiveNode)node),
            NodeKind.NamedType => EnterNamedType((NamedTypeNode)node),
            NodeKind.ListType => EnterListType((ListTypeNode)node),
            NodeKind.NonNullType => EnterNonNullType((NonNullTypeNode)node),
            NodeKind.SchemaDefinition => EnterSchemaDefinition((SchemaDefinitionNode)node),
            NodeKind.OperationTypeDefinition => EnterOperationTypeDefinition((OperationTypeDefinitionNode)node),
            NodeKind.ScalarTypeDefinition => EnterScalarTypeDefinition((ScalarTypeDefinitionNode)node),
            NodeKind.ObjectTypeDefinition => EnterObjectTypeDefinition((ObjectTypeDefinitionNode)node),
            NodeKind.FieldDefinition => EnterFieldDefinition((FieldDefinitionNode)node),
            NodeKind.InputValueDefinition => EnterInputValueDefinition((InputValueDefinitionNode)node),
            NodeKind.InterfaceTypeDefinition => EnterInterfaceTypeDefinition((InterfaceTypeDefinitionNode)node),
            NodeKind.UnionTypeDefinition => EnterUnionTypeDefinition((UnionTypeDefinitionNode)node),
            NodeKind.EnumTypeDefinition => EnterEnumTypeDefinition((EnumTypeDefinitionNode)node),
            NodeKind.EnumValueDefinition => EnterEnumValueDefinition((EnumValueDefinitionNode)node),
            NodeKind.InputObjectTypeDefinition => EnterInputObjectTypeDefinition((InputObjectTypeDefinitionNode)node),
            NodeKind.DirectiveDefinition => EnterDirectiveDefinition((DirectiveDefinitionNode)node),
            NodeKind.SchemaExtension => EnterSchemaExtension((SchemaExtensionNode)node),
            NodeKind.ScalarTypeExtension => EnterScalarTypeExtension((ScalarTypeExtensionNode)node),
            NodeKind.ObjectTypeExtension => EnterObjectTypeExtension((ObjectTypeExtensionNode)node),
            NodeKind.InterfaceTypeExtension => EnterInterfaceTypeExtension((InterfaceTypeExtensionNode)node),
            NodeKind.UnionTypeExtension => EnterUnionTypeExtension((UnionTypeExtensionNode)node),
            NodeKind.EnumTypeExtension => EnterEnumTypeExtension((EnumTypeExtensionNode)node),
            NodeKind.InputObjectTypeExtension => EnterInputObjectTypeExtension((InputObjectTypeExtensionNode)node),
            _ => throw new ArgumentOutOfRangeException(nameof(node), node.Kind, "Unknown node kind."),
        };
    }

    /// <summary>Called after a node's children; by default calls the typed <c>Leave</c> hook for its kind.</summary>
    /// <param name="node">The node being left.</param>
    public virtual void Leave(INode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        switch (node.Kind)
        {
            case NodeKind.Name:
                LeaveName((NameNode)node);
                break;
            case NodeKind.Document:
                LeaveDocument((DocumentNode)node);
                break;
            case NodeKind.OperationDefinition:
                LeaveOperationDefinition((OperationDefinitionNode)node);
                break;
            case NodeKind.VariableDefinition:
                LeaveVariableDefinition((VariableDefinitionNode)node);
                break;
            case NodeKind.SelectionSet:
                LeaveSelectionSet((SelectionSetNode)node);
                break;
            case NodeKind.Field:
                LeaveField((FieldNode)node);
                break;
            case NodeKind.Argument:
                LeaveArgument((ArgumentNode)node);
                break;
            case NodeKind.FragmentSpread:
                LeaveFragmentSpread((FragmentSpreadNode)node);
                break;
            case NodeKind.InlineFragment:
                LeaveInlineFragment((InlineFragmentNode)node);
                break;
            case NodeKind.FragmentDefinition:
                LeaveFragmentDefinition((FragmentDefinitionNode)node);
                break;
            case NodeKind.Variable:
                LeaveVariable((VariableNode)node);
                break;
            case NodeKind.IntValue:
                LeaveIntValue((IntValueNode)node);
                break;
            case NodeKind.FloatValue:
                LeaveFloatValue((FloatValueNode)node);
                break;
            case NodeKind.StringValue:
                LeaveStringValue((StringValueNode)node);
                break;
            case NodeKind.BooleanValue:
                LeaveBooleanValue((BooleanValueNode)node);
                break;
            case NodeKind.NullValue:
                LeaveNullValue((NullValueNode)node);
                break;
            case NodeKind.EnumValue:
                LeaveEnumValue((EnumValueNode)node);
                break;
            case NodeKind.ListValue:
                LeaveListValue((ListValueNode)node);
                break;
            case NodeKind.ObjectValue:
                LeaveObjectValue((ObjectValueNode)node);
                break;
            case NodeKind.ObjectField:
                LeaveObjectField((ObjectFieldNode)node);
                break;
            case NodeKind.Directive:
                LeaveDirective((DirectiveNode)node);
                break;
            case NodeKind.NamedType:
                LeaveNamedType((NamedTypeNode)node);
                break;
            case NodeKind.ListType:
                LeaveListType((ListTypeNode)node);
                break;
            case NodeKind.NonNullType:
                LeaveNonNullType((NonNullTypeNode)node);
                break;
            case NodeKind.SchemaDefinition:
                LeaveSchemaDefinition((SchemaDefinitionNode)node);
                break;
            case NodeKind.OperationTypeDefinition:
                LeaveOperationTypeDefinition((OperationTypeDefinitionNode)node);
                break;
            case NodeKind.ScalarTypeDefinition:
                LeaveScalarTypeDefinition((ScalarTypeDefinitionNode)node);
                break;
            case NodeKind.ObjectTypeDefinition:
                LeaveObjectTypeDefinition((ObjectTypeDefinitionNode)node);
                break;
            case NodeKind.FieldDefinition:
                LeaveFieldDefinition((FieldDefinitionNode)node);
                break;
            case NodeKind.InputValueDefinition:
                LeaveInputValueDefinition((InputValueDefinitionNode)node);
                break;
            case NodeKind.InterfaceTypeDefinition:
                LeaveInterfaceTypeDefinition((InterfaceTypeDefinitionNode)node);
                break;
            case NodeKind.UnionTypeDefinition:
                LeaveUnionTypeDefinition((UnionTypeDefinitionNode)node);
                break;
            case NodeKind.EnumTypeDefinition:
                LeaveEnumTypeDefinition((EnumTypeDefinitionNode)node);
                break;
            case NodeKind.EnumValueDefinition:
                LeaveEnumValueDefinition((EnumValueDefinitionNode)node);
                break;
            case NodeKind.InputObjectTypeDefinition:
                LeaveInputObjectTypeDefinition((InputObjectTypeDefinitionNode)node);
                break;
            case NodeKind.DirectiveDefinition:
                LeaveDirectiveDefinition((DirectiveDefinitionNode)node);
                break;
            case NodeKind.SchemaExtension:
                LeaveSchemaExtension((SchemaExtensionNode)node);
                break;
            case NodeKind.ScalarTypeExtension:
                LeaveScalarTypeExtension((ScalarTypeExtensionNode)node);
                break;
            case NodeKind.ObjectTypeExtension:
                LeaveObjectTypeExtension((ObjectTypeExtensionNode)node);
                break;
            case NodeKind.InterfaceTypeExtension:
                LeaveInterfaceTypeExtension((InterfaceTypeExtensionNode)node);
                break;
            case NodeKind.UnionTypeExtension:
                LeaveUnionTypeExtension((UnionTypeExtensionNode)node);
                break;
            case NodeKind.EnumTypeExtension:
                LeaveEnumTypeExtension((EnumTypeExtensionNode)node);
                break;
            case NodeKind.InputObjectTypeExtension:
                LeaveInputObjectTypeExtension((InputObjectTypeExtensionNode)node);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(node), node.Kind, "Unknown node kind.");
        }
    }

    // The walker shares its ancestor stack with the visitor for the duration of a walk.
    internal virtual void AttachAncestors(IReadOnlyList<INode> ancestors) => _ancestors = ancestors;

    /// <summary>Called before the children of a <see cref="NameNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterName(NameNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="NameNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveName(NameNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="DocumentNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterDocument(DocumentNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="DocumentNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveDocument(DocumentNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="OperationDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterOperationDefinition(OperationDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="OperationDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveOperationDefinition(OperationDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="VariableDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterVariableDefinition(VariableDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="VariableDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveVariableDefinition(VariableDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="SelectionSetNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterSelectionSet(SelectionSetNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="SelectionSetNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveSelectionSet(SelectionSetNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="FieldNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterField(FieldNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="FieldNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveField(FieldNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ArgumentNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterArgument(ArgumentNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ArgumentNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveArgument(ArgumentNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="FragmentSpreadNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterFragmentSpread(FragmentSpreadNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="FragmentSpreadNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveFragmentSpread(FragmentSpreadNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="InlineFragmentNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterInlineFragment(InlineFragmentNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="InlineFragmentNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveInlineFragment(InlineFragmentNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="FragmentDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterFragmentDefinition(FragmentDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="FragmentDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveFragmentDefinition(FragmentDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="VariableNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterVariable(VariableNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="VariableNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveVariable(VariableNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="IntValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterIntValue(IntValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="IntValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveIntValue(IntValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="FloatValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterFloatValue(FloatValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="FloatValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveFloatValue(FloatValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="StringValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterStringValue(StringValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="StringValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveStringValue(StringValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="BooleanValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterBooleanValue(BooleanValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="BooleanValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveBooleanValue(BooleanValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="NullValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterNullValue(NullValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="NullValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveNullValue(NullValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="EnumValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterEnumValue(EnumValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="EnumValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveEnumValue(EnumValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ListValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterListValue(ListValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ListValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveListValue(ListValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ObjectValueNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterObjectValue(ObjectValueNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ObjectValueNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveObjectValue(ObjectValueNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ObjectFieldNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterObjectField(ObjectFieldNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ObjectFieldNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveObjectField(ObjectFieldNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="DirectiveNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterDirective(DirectiveNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="DirectiveNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveDirective(DirectiveNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="NamedTypeNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterNamedType(NamedTypeNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="NamedTypeNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveNamedType(NamedTypeNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ListTypeNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterListType(ListTypeNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ListTypeNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveListType(ListTypeNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="NonNullTypeNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterNonNullType(NonNullTypeNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="NonNullTypeNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveNonNullType(NonNullTypeNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="SchemaDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterSchemaDefinition(SchemaDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="SchemaDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveSchemaDefinition(SchemaDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="OperationTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterOperationTypeDefinition(OperationTypeDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="OperationTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveOperationTypeDefinition(OperationTypeDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ScalarTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterScalarTypeDefinition(ScalarTypeDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ScalarTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveScalarTypeDefinition(ScalarTypeDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ObjectTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterObjectTypeDefinition(ObjectTypeDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ObjectTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveObjectTypeDefinition(ObjectTypeDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="FieldDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterFieldDefinition(FieldDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="FieldDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveFieldDefinition(FieldDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="InputValueDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterInputValueDefinition(InputValueDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="InputValueDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveInputValueDefinition(InputValueDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="InterfaceTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterInterfaceTypeDefinition(InterfaceTypeDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="InterfaceTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveInterfaceTypeDefinition(InterfaceTypeDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="UnionTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterUnionTypeDefinition(UnionTypeDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="UnionTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveUnionTypeDefinition(UnionTypeDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="EnumTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterEnumTypeDefinition(EnumTypeDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="EnumTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveEnumTypeDefinition(EnumTypeDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="EnumValueDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterEnumValueDefinition(EnumValueDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="EnumValueDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveEnumValueDefinition(EnumValueDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="InputObjectTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterInputObjectTypeDefinition(InputObjectTypeDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="InputObjectTypeDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveInputObjectTypeDefinition(InputObjectTypeDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="DirectiveDefinitionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterDirectiveDefinition(DirectiveDefinitionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="DirectiveDefinitionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveDirectiveDefinition(DirectiveDefinitionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="SchemaExtensionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterSchemaExtension(SchemaExtensionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="SchemaExtensionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveSchemaExtension(SchemaExtensionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ScalarTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterScalarTypeExtension(ScalarTypeExtensionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ScalarTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveScalarTypeExtension(ScalarTypeExtensionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="ObjectTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterObjectTypeExtension(ObjectTypeExtensionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="ObjectTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveObjectTypeExtension(ObjectTypeExtensionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="InterfaceTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterInterfaceTypeExtension(InterfaceTypeExtensionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="InterfaceTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveInterfaceTypeExtension(InterfaceTypeExtensionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="UnionTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterUnionTypeExtension(UnionTypeExtensionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="UnionTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveUnionTypeExtension(UnionTypeExtensionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="EnumTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterEnumTypeExtension(EnumTypeExtensionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="EnumTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveEnumTypeExtension(EnumTypeExtensionNode node)
    {
    }

    /// <summary>Called before the children of a <see cref="InputObjectTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being entered.</param>
    /// <returns>Whether to visit the node's children.</returns>
    protected virtual VisitAction EnterInputObjectTypeExtension(InputObjectTypeExtensionNode node) => VisitAction.Continue;

    /// <summary>Called after the children of a <see cref="InputObjectTypeExtensionNode"/>.</summary>
    /// <param name="node">The node being left.</param>
    protected virtual void LeaveInputObjectTypeExtension(InputObjectTypeExtensionNode node)
    {
    }
}
