namespace Tasks.GraphQL.Language;

/// <summary>
/// An integer literal (spec §2.9.1). The text is kept as written because the grammar does not bound
/// its size; coercion to a 32-bit Int happens in the type system.
/// </summary>
public sealed class IntValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates an integer value node.</summary>
    public IntValueNode()
        : base(NodeKind.IntValue)
    {
    }

    /// <summary>The literal as written, e.g. <c>-0</c> or <c>123</c>.</summary>
    public required string Value { get; init; }
}

/// <summary>A float literal (spec §2.9.2), kept as written so no precision is lost before coercion.</summary>
public sealed class FloatValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates a float value node.</summary>
    public FloatValueNode()
        : base(NodeKind.FloatValue)
    {
    }

    /// <summary>The literal as written, e.g. <c>1.5e-10</c>.</summary>
    public required string Value { get; init; }
}

/// <summary>A string literal (spec §2.9.4); also used for descriptions.</summary>
public sealed class StringValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates a string value node.</summary>
    public StringValueNode()
        : base(NodeKind.StringValue)
    {
    }

    /// <summary>The string's value: escapes decoded, or for a block string after <c>BlockStringValue()</c>.</summary>
    public required string Value { get; init; }

    /// <summary>Whether it was written as a <c>"""block string"""</c>; the printer prints it the same way.</summary>
    public bool IsBlock { get; init; }
}

/// <summary>The literal <c>true</c> or <c>false</c> (spec §2.9.3).</summary>
public sealed class BooleanValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates a boolean value node.</summary>
    public BooleanValueNode()
        : base(NodeKind.BooleanValue)
    {
    }

    /// <summary>The boolean value.</summary>
    public bool Value { get; init; }
}

/// <summary>The literal <c>null</c> (spec §2.9.5).</summary>
public sealed class NullValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates a null value node.</summary>
    public NullValueNode()
        : base(NodeKind.NullValue)
    {
    }
}

/// <summary>An enum value: a name other than <c>true</c>, <c>false</c> or <c>null</c> (spec §2.9.6).</summary>
public sealed class EnumValueNode : SyntaxNode, IValueNode
{
    /// <summary>Creates an enum value node.</summary>
    public EnumValueNode()
        : base(NodeKind.EnumValue)
    {
    }

    /// <summary>The enum value's name.</summary>
    public required string Value { get; init; }
}
