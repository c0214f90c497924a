namespace Tasks.GraphQL.Language;

/// <summary>A node that can carry directives (spec §2.12).</summary>
public interface IHasDirectives : INode
{
    /// <summary>The directives applied to the node, in source order; empty when there are none.</summary>
    IReadOnlyList<DirectiveNode> Directives { get; }
}

/// <summary>A definition that can carry a description (spec §3.2).</summary>
public interface IHasDescription : INode
{
    /// <summary>The description string before the definition, or null.</summary>
    StringValueNode? Description { get; }
}

/// <summary>A top-level definition of a document (spec §2.2).</summary>
public interface IDefinitionNode : INode;

/// <summary>An operation or a fragment definition (spec §2.3, §2.8).</summary>
public interface IExecutableDefinitionNode : IDefinitionNode, IHasDirectives, IHasDescription
{
    /// <summary>The operation or fragment name; null only for anonymous operations.</summary>
    NameNode? Name { get; }

    /// <summary>The fields and fragments selected.</summary>
    SelectionSetNode SelectionSet { get; }
}

/// <summary>A schema, type or directive definition (spec §3).</summary>
public interface ITypeSystemDefinitionNode : IDefinitionNode;

/// <summary>A scalar, object, interface, union, enum or input object definition (spec §3.4).</summary>
public interface ITypeDefinitionNode : ITypeSystemDefinitionNode, IHasDirectives, IHasDescription
{
    /// <summary>The type's name.</summary>
    NameNode Name { get; }
}

/// <summary>A schema or type extension (spec §3.3.2, §3.4.3).</summary>
public interface ITypeSystemExtensionNode : IDefinitionNode, IHasDirectives;

/// <summary>An extension of a named type (spec §3.4.3).</summary>
public interface ITypeExtensionNode : ITypeSystemExtensionNode
{
    /// <summary>The name of the type being extended.</summary>
    NameNode Name { get; }
}

/// <summary>A field, fragment spread or inline fragment inside a selection set (spec §2.4).</summary>
public interface ISelectionNode : IHasDirectives;

/// <summary>An input value literal or a variable (spec §2.9).</summary>
public interface IValueNode : INode;

/// <summary>A type reference: named, list or non-null (spec §2.11).</summary>
public interface ITypeNode : INode;
