using Tasks.GraphQL.Execution.Resolving;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>A field of an object or interface type: its type, arguments and resolver.</summary>
public sealed class FieldDefinition(string name, IGraphQLType type)
{
    /// <summary>The field's name.</summary>
    public string Name { get; } = name;

    /// <summary>The field's output type.</summary>
    public IGraphQLType Type { get; internal set; } = type;

    /// <summary>Its description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Why it should no longer be used, if deprecated.</summary>
    public string? DeprecationReason { get; init; }

    /// <summary>The arguments, in definition order.</summary>
    public IReadOnlyDictionary<string, InputValueDefinition> Arguments { get; init; } = EmptyArguments;

    /// <summary>Produces the field's value; null means the default resolver (property or dictionary lookup).</summary>
    public FieldResolver? Resolver { get; set; }

    /// <summary>For subscription fields: produces the source stream of events.</summary>
    public SubscriptionResolver? Subscriber { get; set; }

    /// <summary>Directives applied to the field in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];

    /// <summary>Whether the field is deprecated.</summary>
    public bool IsDeprecated => DeprecationReason is not null;

    internal static IReadOnlyDictionary<string, InputValueDefinition> EmptyArguments { get; } = new Dictionary<string, InputValueDefinition>();
}
