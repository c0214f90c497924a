using System.Collections.Frozen;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>
/// A complete, validated schema: its root operation types, every named type and directive, and the
/// answers execution and validation ask of it over and over (possible types of abstract types).
/// </summary>
public sealed class Schema
{
    private readonly FrozenDictionary<string, INamedType> types;
    private readonly FrozenDictionary<string, DirectiveDefinition> directives;
    private readonly FrozenDictionary<string, IReadOnlyList<ObjectType>> possibleTypes;
    private readonly FrozenDictionary<string, IReadOnlyList<InterfaceType>> interfaceImplementations;

    internal Schema(ObjectType query, ObjectType? mutation, ObjectType? subscription, IEnumerable<INamedType> namedTypes, IEnumerable<DirectiveDefinition> directiveDefinitions, string? description)
    {
        Query = query;
        Mutation = mutation;
        Subscription = subscription;
        Description = description;
        types = namedTypes.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
        directives = directiveDefinitions.ToFrozenDictionary(d => d.Name, StringComparer.Ordinal);
        var objects = types.Values.OfType<ObjectType>().ToArray();
        var possible = new Dictionary<string, IReadOnlyList<ObjectType>>(StringComparer.Ordinal);
        foreach (var union in types.Values.OfType<UnionType>())
        {
            possible[union.Name] = union.Types;
        }

        foreach (var @interface in types.Values.OfType<InterfaceType>())
        {
            possible[@interface.Name] = [.. objects.Where(o => o.Interfaces.Any(i => i.Name == @interface.Name))];
        }

        possibleTypes = possible.ToFrozenDictionary(StringComparer.Ordinal);
        interfaceImplementations = types.Values.OfType<InterfaceType>().ToFrozenDictionary(
            i => i.Name,
            i => (IReadOnlyList<InterfaceType>)[.. types.Values.OfType<InterfaceType>().Where(other => other.Interfaces.Any(x => x.Name == i.Name))],
            StringComparer.Ordinal);
    }

    /// <summary>The root type of queries.</summary>
    public ObjectType Query { get; }

    /// <summary>The root type of mutations, if the schema has any.</summary>
    public ObjectType? Mutation { get; }

    /// <summary>The root type of subscriptions, if the schema has any.</summary>
    public ObjectType? Subscription { get; }

    /// <summary>The schema's description, if any.</summary>
    public string? Description { get; }

    /// <summary>Every named type, including the built-in scalars and introspection types.</summary>
    public IReadOnlyDictionary<string, INamedType> Types => types;

    /// <summary>Every directive, including the built-in ones.</summary>
    public IReadOnlyDictionary<string, DirectiveDefinition> Directives => directives;

    /// <summary>The named type, or null.</summary>
    public INamedType? GetType(string name) => types.GetValueOrDefault(name);

    /// <summary>The directive, or null.</summary>
    public DirectiveDefinition? GetDirective(string name) => directives.GetValueOrDefault(name);

    /// <summary>The object types a value of an abstract type can be.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(IAbstractType abstractType)
    {
        ArgumentNullException.ThrowIfNull(abstractType);
        return possibleTypes.TryGetValue(abstractType.Name, out var found) ? found : [];
    }

    /// <summary>The interfaces that implement <paramref name="interfaceType"/>.</summary>
    public IReadOnlyList<InterfaceType> GetImplementingInterfaces(InterfaceType interfaceType)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        return interfaceImplementations.TryGetValue(interfaceType.Name, out var found) ? found : [];
    }

    /// <summary>Whether <paramref name="objectType"/> is a possible type of <paramref name="abstractType"/>.</summary>
    public bool IsPossibleType(IAbstractType abstractType, ObjectType objectType)
    {
        ArgumentNullException.ThrowIfNull(objectType);
        return GetPossibleTypes(abstractType).Any(t => t.Name == objectType.Name);
    }

    /// <summary>The root type of an operation kind, or null if the schema does not support it.</summary>
    public ObjectType? RootType(Language.OperationType operation) => operation switch
    {
        Language.OperationType.Query => Query,
        Language.OperationType.Mutation => Mutation,
        Language.OperationType.Subscription => Subscription,
        _ => null,
    };
}
