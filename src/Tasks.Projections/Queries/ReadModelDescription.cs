using System.Diagnostics.CodeAnalysis;

namespace Tasks.Projections.Queries;

/// <summary>
/// Everything the query layer needs to know about one read-model table: its name, the unique key used as the
/// final sort tiebreaker, the fields callers may filter and sort on, the columns a row mapper may read,
/// the default sort and the limits that keep a single query cheap.
/// </summary>
/// <remarks>
/// This is the only source of identifiers that ever reach SQL text; every value is a parameter.
/// </remarks>
public sealed class ReadModelDescription
{
    private readonly Dictionary<string, QueryField> fieldsByName;

    /// <summary>Describes a read model.</summary>
    /// <param name="table">The table, a plain lower-case identifier (optionally schema-qualified).</param>
    /// <param name="keyField">The public name of the unique, non-null, sortable field used as final tiebreaker.</param>
    /// <param name="fields">The queryable fields.</param>
    /// <param name="defaultSort">The sort used when a query gives none (the key is appended to it as usual).</param>
    /// <param name="otherSelectableColumns">
    /// Columns a row mapper may read besides the fields' own columns (e.g. a JSON payload that is never filterable).
    /// </param>
    public ReadModelDescription(
        string table,
        string keyField,
        IEnumerable<QueryField> fields,
        IEnumerable<SortField> defaultSort,
        IEnumerable<string>? otherSelectableColumns = null)
    {
        Table = SqlIdentifier.RequireTable(table, nameof(table));
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(defaultSort);
        Fields = [.. fields];
        fieldsByName = new Dictionary<string, QueryField>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (!fieldsByName.TryAdd(field.Name, field))
            {
                throw new ArgumentException($"field '{field.Name}' is described twice", nameof(fields));
            }
        }

        Key = fieldsByName.GetValueOrDefault(keyField)
            ?? throw new ArgumentException($"key field '{keyField}' is not among the fields", nameof(keyField));
        if (Key.IsNullable || !Key.IsSortable)
        {
            throw new ArgumentException($"key field '{keyField}' must be non-null and sortable", nameof(keyField));
        }

        DefaultSort = [.. defaultSort];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sort in DefaultSort)
        {
            if (!fieldsByName.TryGetValue(sort.Field, out var field) || !field.IsSortable || !seen.Add(sort.Field))
            {
                throw new ArgumentException($"default sort field '{sort.Field}' is unknown, not sortable or repeated", nameof(defaultSort));
            }
        }

        var selectable = new HashSet<string>(Fields.Select(f => f.Column), StringComparer.Ordinal);
        foreach (var column in otherSelectableColumns ?? [])
        {
            selectable.Add(SqlIdentifier.Require(column, nameof(otherSelectableColumns)));
        }

        SelectableColumns = selectable;
    }

    /// <summary>The table queried.</summary>
    public string Table { get; }

    /// <summary>The unique field appended to every sort as the last tiebreaker.</summary>
    public QueryField Key { get; }

    /// <summary>The queryable fields, in declaration order.</summary>
    public IReadOnlyList<QueryField> Fields { get; }

    /// <summary>The sort used when a query gives none.</summary>
    public IReadOnlyList<SortField> DefaultSort { get; }

    /// <summary>The columns a row mapper may ask for.</summary>
    public IReadOnlySet<string> SelectableColumns { get; }

    /// <summary>Page size when neither <c>first</c> nor <c>last</c> is given (capped by <see cref="MaxPageSize"/>).</summary>
    public int DefaultPageSize { get; init => field = RequirePositive(value); } = 10;

    /// <summary>The largest <c>first</c> or <c>last</c> accepted.</summary>
    public int MaxPageSize { get; init => field = RequirePositive(value); } = 50;

    /// <summary>The deepest filter accepted: a lone condition is depth 1, each and/or/not adds one.</summary>
    public int MaxFilterDepth { get; init => field = RequirePositive(value); } = 10;

    /// <summary>The most conditions (leaves, counting each list element condition) a filter may hold.</summary>
    public int MaxFilterConditions { get; init => field = RequirePositive(value); } = 100;

    /// <summary>The most values an <c>in</c> or <c>out</c> list may hold.</summary>
    public int MaxListValues { get; init => field = RequirePositive(value); } = 1000;

    /// <summary>Finds a field by its public name (case-sensitive).</summary>
    public bool TryGetField(string name, [NotNullWhen(true)] out QueryField? field) =>
        fieldsByName.TryGetValue(name, out field);

    /// <summary>A field by its public name; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    public QueryField GetField(string name) =>
        fieldsByName.TryGetValue(name, out var field) ? field : throw new KeyNotFoundException($"no field '{name}' in {Table}");

    private static int RequirePositive(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
