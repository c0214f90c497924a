using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>
/// One field of a GraphQL filter or sort input: either a leaf that stands for a read-model field (whose kind decides
/// which operators and values it takes), or a nested input object such as a task's <c>error</c>.
/// </summary>
public sealed class FilterFieldMapping
{
    /// <summary>A leaf field standing for <paramref name="readModelField"/>.</summary>
    /// <param name="name">The GraphQL input field name, e.g. <c>createdByUserId</c>.</param>
    /// <param name="readModelField">The public read-model field name it filters, e.g. <c>errorType</c>.</param>
    /// <param name="kind">How the read-model field is typed: decides the operators and values accepted.</param>
    /// <param name="enumValues">For <see cref="FieldKind.Enum"/>, the values the GraphQL enum is bound to.</param>
    public FilterFieldMapping(string name, string readModelField, FieldKind kind, IEnumerable<string>? enumValues = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(readModelField);
        Name = name;
        ReadModelField = readModelField;
        Kind = kind;
        EnumValues = enumValues?.ToArray() ?? [];
        if ((kind == FieldKind.Enum) != (EnumValues.Count > 0))
        {
            throw new ArgumentException($"'{name}': enum fields, and only they, need their values", nameof(enumValues));
        }
    }

    /// <summary>A nested input object whose own fields are and-ed with its parent's.</summary>
    /// <param name="name">The GraphQL input field name, e.g. <c>error</c>.</param>
    /// <param name="nested">The mapping of the nested input object.</param>
    public FilterFieldMapping(string name, FilterInputMapping nested)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(nested);
        Name = name;
        Nested = nested;
        EnumValues = [];
    }

    /// <summary>The GraphQL input field name.</summary>
    public string Name { get; }

    /// <summary>The read-model field a leaf stands for; null for a nested object.</summary>
    public string? ReadModelField { get; }

    /// <summary>The read-model field's kind; null for a nested object.</summary>
    public FieldKind? Kind { get; }

    /// <summary>The allowed values of an enum leaf; empty otherwise.</summary>
    public IReadOnlyList<string> EnumValues { get; }

    /// <summary>The nested input object's mapping, or null for a leaf.</summary>
    public FilterInputMapping? Nested { get; }

    /// <summary>Whether the leaf is a list (quantified with some/all/none/any rather than compared).</summary>
    public bool IsList => Kind is FieldKind.TextList or FieldKind.UuidList;
}
