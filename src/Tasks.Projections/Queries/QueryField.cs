namespace Tasks.Projections.Queries;

/// <summary>
/// One field of a read model that callers may filter (and maybe sort) on: the public name they use,
/// the column it maps to, and how that column is typed.
/// </summary>
public sealed class QueryField
{
    /// <summary>Describes a field.</summary>
    /// <param name="name">The public name used in filters and sorts, e.g. <c>functionName</c>.</param>
    /// <param name="column">The column it maps to, e.g. <c>function_name</c>: a plain lower-case SQL identifier.</param>
    /// <param name="kind">How the column is typed.</param>
    /// <param name="isNullable">Whether the column may hold NULL (changes filter and keyset SQL).</param>
    /// <param name="isSortable">Whether the field may be sorted on; defaults to true except for lists, which never are.</param>
    /// <param name="enumValues">The allowed values of an <see cref="FieldKind.Enum"/> field; must be empty for other kinds.</param>
    public QueryField(string name, string column, FieldKind kind, bool isNullable = false, bool? isSortable = null, IEnumerable<string>? enumValues = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Column = SqlIdentifier.Require(column, nameof(column));
        Kind = kind;
        IsNullable = isNullable;
        IsList = kind is FieldKind.TextList or FieldKind.UuidList;
        if (IsList && isSortable == true)
        {
            throw new ArgumentException($"list field '{name}' cannot be sortable", nameof(isSortable));
        }

        IsSortable = isSortable ?? !IsList;
        EnumValues = enumValues?.ToArray() ?? [];
        if (kind == FieldKind.Enum && EnumValues.Count == 0)
        {
            throw new ArgumentException($"enum field '{name}' needs its allowed values", nameof(enumValues));
        }

        if (kind != FieldKind.Enum && EnumValues.Count != 0)
        {
            throw new ArgumentException($"only enum fields have allowed values, '{name}' is {kind}", nameof(enumValues));
        }
    }

    /// <summary>The public name used in filters and sorts.</summary>
    public string Name { get; }

    /// <summary>The column the field maps to.</summary>
    public string Column { get; }

    /// <summary>How the column is typed.</summary>
    public FieldKind Kind { get; }

    /// <summary>Whether the column may hold NULL.</summary>
    public bool IsNullable { get; }

    /// <summary>Whether the field may be sorted on.</summary>
    public bool IsSortable { get; }

    /// <summary>Whether the field is an array (<see cref="FieldKind.TextList"/> or <see cref="FieldKind.UuidList"/>).</summary>
    public bool IsList { get; }

    /// <summary>The allowed values of an enum field, in declaration order; empty for other kinds.</summary>
    public IReadOnlyList<string> EnumValues { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Column} {Kind}{(IsNullable ? " null" : "")})";
}
