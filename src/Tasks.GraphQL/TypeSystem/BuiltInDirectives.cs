using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>The directives every schema has (spec §3.13 and the current draft's <c>@oneOf</c>).</summary>
public static class BuiltInDirectives
{
    /// <summary>The default reason of <c>@deprecated</c>.</summary>
    public const string DefaultDeprecationReason = "No longer supported";

    /// <summary><c>@skip(if: Boolean!)</c>.</summary>
    public static DirectiveDefinition Skip { get; } = new("skip", [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
    {
        Description = "Directs the executor to skip this field or fragment when the `if` argument is true.",
        Arguments = Args(new InputValueDefinition("if", new NonNullType(BuiltInScalars.Boolean)) { Description = "Skipped when true." }),
    };

    /// <summary><c>@include(if: Boolean!)</c>.</summary>
    public static DirectiveDefinition Include { get; } = new("include", [DirectiveLocation.Field, DirectiveLocation.FragmentSpread, DirectiveLocation.InlineFragment])
    {
        Description = "Directs the executor to include this field or fragment only when the `if` argument is true.",
        Arguments = Args(new InputValueDefinition("if", new NonNullType(BuiltInScalars.Boolean)) { Description = "Included when true." }),
    };

    /// <summary><c>@deprecated(reason: String = "No longer supported")</c>.</summary>
    public static DirectiveDefinition Deprecated { get; } = new("deprecated", [DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition, DirectiveLocation.EnumValue])
    {
        Description = "Marks an element of a GraphQL schema as no longer supported.",
        Arguments = Args(new InputValueDefinition("reason", BuiltInScalars.String)
        {
            Description = "Explains why this element was deprecated, usually also including a suggestion for how to access supported similar data. Formatted using the Markdown syntax, as specified by [CommonMark](https://commonmark.org/).",
            DefaultValue = new StringValueNode { Value = DefaultDeprecationReason },
        }),
    };

    /// <summary><c>@specifiedBy(url: String!)</c>.</summary>
    public static DirectiveDefinition SpecifiedBy { get; } = new("specifiedBy", [DirectiveLocation.Scalar])
    {
        Description = "Exposes a URL that specifies the behavior of this scalar.",
        Arguments = Args(new InputValueDefinition("url", new NonNullType(BuiltInScalars.String)) { Description = "The URL that specifies the behavior of this scalar." }),
    };

    /// <summary><c>@oneOf</c>: exactly one field of the input object must be given.</summary>
    public static DirectiveDefinition OneOf { get; } = new("oneOf", [DirectiveLocation.InputObject])
    {
        Description = "Indicates exactly one field must be supplied and this field must not be `null`.",
    };

    /// <summary>All of them.</summary>
    public static IReadOnlyList<DirectiveDefinition> All { get; } = [Skip, Include, Deprecated, SpecifiedBy, OneOf];

    private static Dictionary<string, InputValueDefinition> Args(params InputValueDefinition[] arguments) =>
        arguments.ToDictionary(a => a.Name, StringComparer.Ordinal);
}
