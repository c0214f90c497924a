using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Introspection;

/// <summary><c>__TypeKind</c> and <c>__DirectiveLocation</c>.</summary>
public static partial class IntrospectionTypes
{
    private static EnumType CreateTypeKind()
    {
        var kind = new EnumType("__TypeKind") { Description = "The kinds of type `__Type` describes." };
        (string Name, TypeSystem.TypeKind Value, string Description)[] values =
        [
            ("SCALAR", TypeSystem.TypeKind.Scalar, "A leaf value. `specifiedByURL` may say how it behaves."),
            ("OBJECT", TypeSystem.TypeKind.Object, "An object with fields. `fields` and `interfaces` are valid."),
            ("INTERFACE", TypeSystem.TypeKind.Interface, "Fields several object types share. `fields`, `interfaces` and `possibleTypes` are valid."),
            ("UNION", TypeSystem.TypeKind.Union, "One of several object types. `possibleTypes` is valid."),
            ("ENUM", TypeSystem.TypeKind.Enum, "One of a fixed set of names. `enumValues` is valid."),
            ("INPUT_OBJECT", TypeSystem.TypeKind.InputObject, "A structured input value. `inputFields` and `isOneOf` are valid."),
            ("LIST", TypeSystem.TypeKind.List, "A list of another type. `ofType` is valid."),
            ("NON_NULL", TypeSystem.TypeKind.NonNull, "Another type, never null. `ofType` is valid."),
        ];
        foreach (var (name, value, description) in values)
        {
            kind.ValueMap.Add(name, new EnumValueDefinition(name, value) { Description = description });
        }

        return kind;
    }

    private static EnumType CreateDirectiveLocation()
    {
        var location = new EnumType("__DirectiveLocation") { Description = "Where a directive may be used: in operations, or on elements of the type system." };
        foreach (var value in Enum.GetValues<Language.DirectiveLocation>())
        {
            var name = value.ToSpecName();
            location.ValueMap.Add(name, new EnumValueDefinition(name, value) { Description = $"Location adjacent to {Describe(value)}." });
        }

        return location;
    }

    private static string Describe(Language.DirectiveLocation location) => location switch
    {
        Language.DirectiveLocation.Query => "a query operation",
        Language.DirectiveLocation.Mutation => "a mutation operation",
        Language.DirectiveLocation.Subscription => "a subscription operation",
        Language.DirectiveLocation.Field => "a field",
        Language.DirectiveLocation.FragmentDefinition => "a fragment definition",
        Language.DirectiveLocation.FragmentSpread => "a fragment spread",
        Language.DirectiveLocation.InlineFragment => "an inline fragment",
        Language.DirectiveLocation.VariableDefinition => "a variable definition",
        Language.DirectiveLocation.Schema => "a schema definition",
        Language.DirectiveLocation.Scalar => "a scalar definition",
        Language.DirectiveLocation.Object => "an object type definition",
        Language.DirectiveLocation.FieldDefinition => "a field definition",
        Language.DirectiveLocation.ArgumentDefinition => "an argument definition",
        Language.DirectiveLocation.Interface => "an interface definition",
        Language.DirectiveLocation.Union => "a union definition",
        Language.DirectiveLocation.Enum => "an enum definition",
        Language.DirectiveLocation.EnumValue => "an enum value definition",
        Language.DirectiveLocation.InputObject => "an input object type definition",
        _ => "an input object field definition",
    };
}
