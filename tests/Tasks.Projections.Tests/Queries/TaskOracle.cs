using System.Collections;
using Tasks.Projections.Queries;

namespace Tasks.Projections.Tests.Queries;

/// <summary>
/// The query language's meaning, stated over objects: which rows a filter keeps and in which order a sort puts them.
/// Written from the spec, not from the SQL compiler, so that comparing the two checks the compiler.
/// </summary>
internal static class TaskOracle
{
    public static List<Guid> Ids(IEnumerable<TaskRow> rows, QueryFilter? filter, IReadOnlyList<SortField>? sort) =>
        [.. rows.Where(r => filter is null || Matches(filter, r)).Order(Comparer(sort)).Select(r => r.Id)];

    public static IComparer<TaskRow> Comparer(IReadOnlyList<SortField>? sort)
    {
        var keys = (sort is { Count: > 0 } ? sort : TaskQueryModel.ReadModel.DefaultSort).ToList();
        if (keys.All(k => k.Field != TaskQueryModel.Id))
        {
            keys.Add(new SortField(TaskQueryModel.Id, keys.Count > 0 ? keys[^1].Direction : SortDirection.Ascending));
        }

        return Comparer<TaskRow>.Create((a, b) =>
        {
            foreach (var key in keys)
            {
                // NULL sorts as the largest value: last ascending, first descending, as in PostgreSQL.
                var order = CompareNullsLargest(a.Get(key.Field), b.Get(key.Field));
                if (order != 0)
                {
                    return key.Direction == SortDirection.Ascending ? order : -order;
                }
            }

            return 0;
        });
    }

    public static bool Matches(QueryFilter filter, TaskRow row) => filter switch
    {
        AndFilter and => and.Filters.All(f => Matches(f, row)),
        OrFilter or => or.Filters.Any(f => Matches(f, row)),
        NotFilter not => !Matches(not.Filter, row),
        FieldCondition c => Holds(row.Get(c.Field), c.Operator, c.Value),
        ListCondition l => Quantify(row.Get(l.Field) as IList, l),
        ListAnyCondition any => (row.Get(any.Field) is IList { Count: > 0 }) == any.HasElements,
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, null),
    };

    private static bool Quantify(IList? list, ListCondition condition)
    {
        bool Satisfies(object? element) => condition.Conditions.All(c => Holds(element, c.Operator, c.Value));
        var elements = list?.Cast<object?>() ?? [];
        return condition.Quantifier switch
        {
            ListQuantifier.Some => list is not null && elements.Any(Satisfies),
            ListQuantifier.All => list is not null && elements.All(Satisfies),
            _ => !elements.Any(Satisfies),
        };
    }

    private static bool Holds(object? value, FilterOperator op, object? operand)
    {
        if (operand is null)
        {
            return op == FilterOperator.Eq ? value is null : value is not null;
        }

        if (value is not string and IList list)
        {
            var contains = list.Cast<object?>().Any(e => Equals(e, operand));
            return op == FilterOperator.Contains ? contains : !contains;
        }

        if (value is null)
        {
            // Only the negative operators are satisfied by a missing value.
            return op is FilterOperator.Ne or FilterOperator.Out or FilterOperator.Excludes;
        }

        return op switch
        {
            FilterOperator.Eq => Compare(value, operand) == 0,
            FilterOperator.Ne => Compare(value, operand) != 0,
            FilterOperator.Gt => Compare(value, operand) > 0,
            FilterOperator.Ge => Compare(value, operand) >= 0,
            FilterOperator.Lt => Compare(value, operand) < 0,
            FilterOperator.Le => Compare(value, operand) <= 0,
            FilterOperator.In => ((IEnumerable)operand).Cast<object>().Any(o => Compare(value, o) == 0),
            FilterOperator.Out => !((IEnumerable)operand).Cast<object>().Any(o => Compare(value, o) == 0),
            FilterOperator.Contains => ((string)value).Contains((string)operand, StringComparison.Ordinal),
            FilterOperator.Excludes => !((string)value).Contains((string)operand, StringComparison.Ordinal),
            FilterOperator.Like => Wildcard.Matches((string)operand, (string)value),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    private static int CompareNullsLargest(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        _ => Compare(a, b),
    };

    private static int Compare(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        // PostgreSQL orders uuids by their bytes, which is the order of their hex text.
        (Guid x, Guid y) => string.CompareOrdinal(x.ToString("N"), y.ToString("N")),
        (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
        (int x, int y) => x.CompareTo(y),
        _ => throw new ArgumentException($"cannot compare {a.GetType().Name} with {b.GetType().Name}"),
    };

    /// <summary>Whole-value wildcard matching: * any run, ? one character, \*, \? and \\ literal, other \ literal.</summary>
    private static class Wildcard
    {
        private enum Kind
        {
            Literal,
            AnyRun,
            AnyOne,
        }

        public static bool Matches(string pattern, string text)
        {
            var tokens = new List<(Kind Kind, char Char)>();
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '\\' && i + 1 < pattern.Length && "*?\\".Contains(pattern[i + 1], StringComparison.Ordinal))
                {
                    tokens.Add((Kind.Literal, pattern[++i]));
                }
                else
                {
                    tokens.Add(pattern[i] switch { '*' => (Kind.AnyRun, '*'), '?' => (Kind.AnyOne, '?'), var c => (Kind.Literal, c) });
                }
            }

            // matches[t, p]: the first t tokens match the first p characters.
            var matches = new bool[tokens.Count + 1, text.Length + 1];
            matches[0, 0] = true;
            for (var t = 1; t <= tokens.Count; t++)
            {
                for (var p = 0; p <= text.Length; p++)
                {
                    var (kind, c) = tokens[t - 1];
                    matches[t, p] = kind switch
                    {
                        Kind.AnyRun => matches[t - 1, p] || (p > 0 && matches[t, p - 1]),
                        Kind.AnyOne => p > 0 && matches[t - 1, p - 1],
                        _ => p > 0 && text[p - 1] == c && matches[t - 1, p - 1],
                    };
                }
            }

            return matches[tokens.Count, text.Length];
        }
    }
}
