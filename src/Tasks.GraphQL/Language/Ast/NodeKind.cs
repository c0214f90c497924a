namespace Tasks.GraphQL.Language;

/// <summary>The kind of an AST node: one per production of the grammar that has a node (spec §2).</summary>
public enum NodeKind
{
    /// <summary><see cref="NameNode"/>.</summary>
    Name,

    /// <summary><see cref="DocumentNode"/>.</summary>
    Document,

    /// <summary><see cref="OperationDefinitionNode"/>.</summary>
    OperationDefinition,

    /// <summary><see cref="VariableDefinitionNode"/>.</summary>
    VariableDefinition,

    /// <summary><see cref="SelectionSetNode"/>.</summary>
    SelectionSet,

    /// <summary><see cref="FieldNode"/>.</summary>
    Field,

    /// <summary><see cref="ArgumentNode"/>.</summary>
    Argument,

    /// <summary><see cref="FragmentSpreadNode"/>.</summary>
    FragmentSpread,

    /// <summary><see cref="InlineFragmentNode"/>.</summary>
    InlineFragment,

    /// <summary><see cref="FragmentDefinitionNode"/>.</summary>
    FragmentDefinition,

    /// <summary><see cref="VariableNode"/>.</summary>
    Variable,

    /// <summary><see cref="IntValueNode"/>.</summary>
    IntValue,

    /// <summary><see cref="FloatValueNode"/>.</summary>
    FloatValue,

    /// <summary><see cref="StringValueNode"/>.</summary>
    StringValue,

    /// <summary><see cref="BooleanValueNode"/>.</summary>
    BooleanValue,

    /// <summary><see cref="NullValueNode"/>.</summary>
    NullValue,

    /// <summary><see cref="EnumValueNode"/>.</summary>
    EnumValue,

    /// <summary><see cref="ListValueNode"/>.</summary>
    ListValue,

    /// <summary><see cref="ObjectValueNode"/>.</summary>
    ObjectValue,

    /// <summary><see cref="ObjectFieldNode"/>.</summary>
    ObjectField,

    /// <summary><see cref="DirectiveNode"/>.</summary>
    Directive,

    /// <summary><see cref="NamedTypeNode"/>.</summary>
    NamedType,

    /// <summary><see cref="ListTypeNode"/>.</summary>
    ListType,

    /// <summary><see cref="NonNullTypeNode"/>.</summary>
    NonNullType,

    /// <summary><see cref="SchemaDefinitionNode"/>.</summary>
    SchemaDefinition,

    /// <summary><see cref="OperationTypeDefinitionNode"/>.</summary>
    OperationTypeDefinition,

    /// <summary><see cref="ScalarTypeDefinitionNode"/>.</summary>
    ScalarTypeDefinition,

    /// <summary><see cref="ObjectTypeDefinitionNode"/>.</summary>
    ObjectTypeDefinition,

    /// <summary><see cref="FieldDefinitionNode"/>.</summary>
    FieldDefinition,

    /// <summary><see cref="InputValueDefinitionNode"/>.</summary>
    InputValueDefinition,

    /// <summary><see cref="InterfaceTypeDefinitionNode"/>.</summary>
    InterfaceTypeDefinition,

    /// <summary><see cref="UnionTypeDefinitionNode"/>.</summary>
    UnionTypeDefinition,

    /// <summary><see cref="EnumTypeDefinitionNode"/>.</summary>
    EnumTypeDefinition,

    /// <summary><see cref="EnumValueDefinitionNode"/>.</summary>
    EnumValueDefinition,

    /// <summary><see cref="InputObjectTypeDefinitionNode"/>.</summary>
    InputObjectTypeDefinition,

    /// <summary><see cref="DirectiveDefinitionNode"/>.</summary>
    DirectiveDefinition,

    /// <summary><see cref="SchemaExtensionNode"/>.</summary>
    SchemaExtension,

    /// <summary><see cref="ScalarTypeExtensionNode"/>.</summary>
    ScalarTypeExtension,

    /// <summary><see cref="ObjectTypeExtensionNode"/>.</summary>
    ObjectTypeExtension,

    /// <summary><see cref="InterfaceTypeExtensionNode"/>.</summary>
    InterfaceTypeExtension,

    /// <summary><see cref="UnionTypeExtensionNode"/>.</summary>
    UnionTypeExtension,

    /// <summary><see cref="EnumTypeExtensionNode"/>.</summary>
    EnumTypeExtension,

    /// <summary><see cref="InputObjectTypeExtensionNode"/>.</summary>
    InputObjectTypeExtension,
}
