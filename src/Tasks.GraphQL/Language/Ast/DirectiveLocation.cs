namespace Tasks.GraphQL.Language;

/// <summary>Where a directive may be used (spec §3.13, ExecutableDirectiveLocation and TypeSystemDirectiveLocation).</summary>
public enum DirectiveLocation
{
    /// <summary><c>QUERY</c>: on a query operation.</summary>
    Query,

    /// <summary><c>MUTATION</c>: on a mutation operation.</summary>
    Mutation,

    /// <summary><c>SUBSCRIPTION</c>: on a subscription operation.</summary>
    Subscription,

    /// <summary><c>FIELD</c>: on a field in a selection set.</summary>
    Field,

    /// <summary><c>FRAGMENT_DEFINITION</c>: on a fragment definition.</summary>
    FragmentDefinition,

    /// <summary><c>FRAGMENT_SPREAD</c>: on a fragment spread.</summary>
    FragmentSpread,

    /// <summary><c>INLINE_FRAGMENT</c>: on an inline fragment.</summary>
    InlineFragment,

    /// <summary><c>VARIABLE_DEFINITION</c>: on a variable definition.</summary>
    VariableDefinition,

    /// <summary><c>SCHEMA</c>: on a schema definition or extension.</summary>
    Schema,

    /// <summary><c>SCALAR</c>: on a scalar type.</summary>
    Scalar,

    /// <summary><c>OBJECT</c>: on an object type.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The spec's name for the location.")]
    Object,

    /// <summary><c>FIELD_DEFINITION</c>: on a field definition.</summary>
    FieldDefinition,

    /// <summary><c>ARGUMENT_DEFINITION</c>: on an argument definition.</summary>
    ArgumentDefinition,

    /// <summary><c>INTERFACE</c>: on an interface type.</summary>
    Interface,

    /// <summary><c>UNION</c>: on a union type.</summary>
    Union,

    /// <summary><c>ENUM</c>: on an enum type.</summary>
    Enum,

    /// <summary><c>ENUM_VALUE</c>: on an enum value definition.</summary>
    EnumValue,

    /// <summary><c>INPUT_OBJECT</c>: on an input object type.</summary>
    InputObject,

    /// <summary><c>INPUT_FIELD_DEFINITION</c>: on an input field definition.</summary>
    InputFieldDefinition,
}

/// <summary>Conversions between <see cref="DirectiveLocation"/> and the names the grammar uses.</summary>
public static class DirectiveLocationNames
{
    /// <summary>The name as written in SDL and introspection, e.g. <c>INPUT_FIELD_DEFINITION</c>.</summary>
    /// <param name="location">The location.</param>
    public static string ToSpecName(this DirectiveLocation location) => location switch
    {
        DirectiveLocation.Query => "QUERY",
        DirectiveLocation.Mutation => "MUTATION",
        DirectiveLocation.Subscription => "SUBSCRIPTION",
        DirectiveLocation.Field => "FIELD",
        DirectiveLocation.FragmentDefinition => "FRAGMENT_DEFINITION",
        DirectiveLocation.FragmentSpread => "FRAGMENT_SPREAD",
        DirectiveLocation.InlineFragment => "INLINE_FRAGMENT",
        DirectiveLocation.VariableDefinition => "VARIABLE_DEFINITION",
        DirectiveLocation.Schema => "SCHEMA",
        DirectiveLocation.Scalar => "SCALAR",
        DirectiveLocation.Object => "OBJECT",
        DirectiveLocation.FieldDefinition => "FIELD_DEFINITION",
        DirectiveLocation.ArgumentDefinition => "ARGUMENT_DEFINITION",
        DirectiveLocation.Interface => "INTERFACE",
        DirectiveLocation.Union => "UNION",
        DirectiveLocation.Enum => "ENUM",
        DirectiveLocation.EnumValue => "ENUM_VALUE",
        DirectiveLocation.InputObject => "INPUT_OBJECT",
        DirectiveLocation.InputFieldDefinition => "INPUT_FIELD_DEFINITION",
        _ => throw new ArgumentOutOfRangeException(nameof(location), location, null),
    };

    /// <summary>Reads a location name as written in SDL; false for any other name (names are case-sensitive).</summary>
    /// <param name="name">The name to read.</param>
    /// <param name="location">The location the name stands for.</param>
    public static bool TryParse(string name, out DirectiveLocation location)
    {
        switch (name)
        {
            case "QUERY": location = DirectiveLocation.Query; return true;
            case "MUTATION": location = DirectiveLocation.Mutation; return true;
            case "SUBSCRIPTION": location = DirectiveLocation.Subscription; return true;
            case "FIELD": location = DirectiveLocation.Field; return true;
            case "FRAGMENT_DEFINITION": location = DirectiveLocation.FragmentDefinition; return true;
            case "FRAGMENT_SPREAD": location = DirectiveLocation.FragmentSpread; return true;
            case "INLINE_FRAGMENT": location = DirectiveLocation.InlineFragment; return true;
            case "VARIABLE_DEFINITION": location = DirectiveLocation.VariableDefinition; return true;
            case "SCHEMA": location = DirectiveLocation.Schema; return true;
            case "SCALAR": location = DirectiveLocation.Scalar; return true;
            case "OBJECT": location = DirectiveLocation.Object; return true;
            case "FIELD_DEFINITION": location = DirectiveLocation.FieldDefinition; return true;
            case "ARGUMENT_DEFINITION": location = DirectiveLocation.ArgumentDefinition; return true;
            case "INTERFACE": location = DirectiveLocation.Interface; return true;
            case "UNION": location = DirectiveLocation.Union; return true;
            case "ENUM": location = DirectiveLocation.Enum; return true;
            case "ENUM_VALUE": location = DirectiveLocation.EnumValue; return true;
            case "INPUT_OBJECT": location = DirectiveLocation.InputObject; return true;
            case "INPUT_FIELD_DEFINITION": location = DirectiveLocation.InputFieldDefinition; return true;
            default: location = default; return false;
        }
    }

    /// <summary>Whether the location is one of the executable locations (used in operations) rather than a type-system one.</summary>
    /// <param name="location">The location.</param>
    public static bool IsExecutable(this DirectiveLocation location) => location <= DirectiveLocation.VariableDefinition;
}
