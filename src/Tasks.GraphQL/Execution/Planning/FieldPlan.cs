using System.Text.Json;
using Tasks.GraphQL.Execution.Preparation;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Execution.Planning;

/// <summary>
/// One response key of a <see cref="SelectionPlan"/>: the field nodes merged under it, its definition, its arguments when
/// they are the same for every request, and the plans of its sub-selection per runtime object type (built on first use).
/// Plans are shared by concurrent requests: the caches here are safe to race on, the loser's work is simply dropped.
/// </summary>
internal sealed class FieldPlan
{
    private ChildPlan[] children = [];
    private IReadOnlyList<ErrorLocation>? locations;

    public FieldPlan(string responseKey, FieldNode[] nodes, FieldDefinition definition, FieldKind kind, ObjectType parentType)
    {
        ResponseKey = responseKey;
        EncodedKey = JsonEncodedText.Encode(responseKey);
        Nodes = nodes;
        Definition = definition;
        Kind = kind;
        ParentType = parentType;
        Type = definition.Type;
    }

    public string ResponseKey { get; }

    /// <summary>The response key escaped once for the JSON writer.</summary>
    public JsonEncodedText EncodedKey { get; }

    /// <summary>The field nodes merged under the key; the first one's arguments are the field's (validation makes them agree).</summary>
    public FieldNode[] Nodes { get; }

    public FieldDefinition Definition { get; }

    public IGraphQLType Type { get; }

    public FieldKind Kind { get; }

    public ObjectType ParentType { get; }

    /// <summary>The coerced arguments when no argument mentions a variable; null when each request coerces its own.</summary>
    public IReadOnlyDictionary<string, object?>? StaticArguments { get; init; }

    /// <summary>Why the literal arguments cannot be coerced, reported as the field's error each time it runs.</summary>
    public string? StaticArgumentError { get; init; }

    /// <summary>The last CLR type the default resolver read this field from, and how: most fields only ever see one type.</summary>
    public PropertyAccess? LastPropertyAccess { get; set; }

    /// <summary>Where the field appears in the document, for its errors.</summary>
    public IReadOnlyList<ErrorLocation>? Locations => locations ??= ErrorFactory.Locate(Nodes);

    /// <summary><c>Type.field</c>, as messages name the field.</summary>
    public string Coordinate => $"{ParentType.Name}.{Definition.Name}";

    /// <summary>The plan of the sub-selection when the field's value is of <paramref name="runtimeType"/>.</summary>
    public SelectionPlan GetChildPlan(ObjectType runtimeType, ExecutionPlan request)
    {
        var known = children;
        foreach (var child in known)
        {
            if (ReferenceEquals(child.Type, runtimeType))
            {
                return child.Plan;
            }
        }

        var plan = FieldCollector.CollectSubfields(runtimeType, Nodes, request);
        // Copy-on-write: readers never lock, and a lost race only repeats the collection.
        Interlocked.CompareExchange(ref children, [.. known, new ChildPlan(runtimeType, plan)], known);
        return plan;
    }

    private readonly record struct ChildPlan(ObjectType Type, SelectionPlan Plan);
}

/// <summary>How the default resolver reads a field from one CLR type.</summary>
/// <param name="ClrType">The parent value's type.</param>
/// <param name="Reader">Reads the property; null when the type has none of the field's name.</param>
/// <param name="Unboxed">Whether the reader can write the value straight into the slot (the property's type is what the field's scalar holds).</param>
internal sealed record PropertyAccess(Type ClrType, Running.PropertyReader? Reader, bool Unboxed);
