using System.Collections;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Tasks.Projections.Queries;
using static Tasks.Projections.Queries.FilterOperator;
using F = Tasks.Projections.Queries.TaskQueryModel;

namespace Tasks.Projections.Tests.Queries;

/// <summary>
/// Random filters, sorts, page sizes and directions: paging through the query on PostgreSQL yields exactly the rows
/// the object oracle yields, in its order, and the total count agrees.
/// </summary>
public sealed class RandomQueryProperties(TaskTableFixture database) : IClassFixture<TaskTableFixture>
{
    private static readonly FilterOperator[] Comparisons = [Eq, Ne, Gt, Ge, Lt, Le];
    private static readonly Guid[] SomeIds = [.. TaskSamples.Rows.Take(6).Select(r => r.Id)];
    private static readonly DateTimeOffset[] Times = [.. Enumerable.Range(0, 9).Select(i => TaskSamples.Epoch.AddMinutes(i * 5))];

    // Text compared by order is lower-case letters only, so the oracle's ordinal order holds under any collation.
    private static readonly string[] FunctionValues = [.. TaskSamples.FunctionNames, "zeta", "c"];
    private static readonly string[] FunctionPatterns = ["*a", "?eta", "al*", "*", "*l*a", "gamma"];
    private static readonly string[] UserValues = ["usera", "userc", "usere", "user", "z"];
    private static readonly string[] MessageValues = ["%", "_", "\\", "*", "?", "100%", "bad_value", "what?", "e"];
    private static readonly string[] MessagePatterns = ["*\\**", "*%*", "what?", "what\\?", "*_*", "path c:\\*", "bad_value*", "*e*"];
    private static readonly string[] TagValues = [.. TaskSamples.TagPool, "pink"];
    private static readonly string[] TagPatterns = ["*e*", "a_b", "star\\*", "50%", "q?", "?????", "*\\\\*"];
    private static readonly string[] Thresholds = ["m", "r", "s"];

    private static readonly SortField[] Sortable =
    [
        .. TaskQueryModel.ReadModel.Fields.Where(f => f.IsSortable).SelectMany(f => new[]
        {
            new SortField(f.Name, SortDirection.Ascending),
            new SortField(f.Name, SortDirection.Descending),
        }),
    ];

    [Fact]
    public void Any_query_pages_through_exactly_the_oracle_rows()
    {
        var queries =
            from filter in Gen.Frequency((1, Gen.Constant<QueryFilter?>(null)), (6, Filter(3).Select(f => (QueryFilter?)f)))
            from sort in Gen.Choose(0, 3).SelectMany(n => Gen.Shuffle(Sortable).Select(s => s.DistinctBy(k => k.Field).Take(n).ToArray()))
            from pageSize in Gen.Elements(5, 17, 50)
            from backward in Gen.Elements(false, true)
            select new RandomQuery(filter, sort, pageSize, backward);

        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(150),
            Prop.ForAll(Arb.From(queries), query => Task.Run(() => HoldsAsync(query)).GetAwaiter().GetResult()));
    }

    private async Task<bool> HoldsAsync(RandomQuery query)
    {
        var expected = TaskOracle.Ids(TaskSamples.Rows, query.Filter, query.Sort);
        var visited = new List<Guid>();
        string? cursor = null;
        long? total = null;
        for (var pages = 0; pages <= TaskSamples.Count; pages++)
        {
            var request = query.Backward
                ? new PageRequest(Last: query.PageSize, Before: cursor)
                : new PageRequest(First: query.PageSize, After: cursor);
            var page = await database.PageAsync(query.Filter, query.Sort, request, count: pages == 0);
            total ??= page.TotalCount;
            if (query.Backward)
            {
                visited.InsertRange(0, page.Items.Select(i => i.Node));
                cursor = page.StartCursor;
                if (!page.HasPreviousPage)
                {
                    break;
                }
            }
            else
            {
                visited.AddRange(page.Items.Select(i => i.Node));
                cursor = page.EndCursor;
                if (!page.HasNextPage)
                {
                    break;
                }
            }
        }

        return expected.SequenceEqual(visited) && total == expected.Count;
    }

    private static Gen<QueryFilter> Filter(int depth) => depth == 0
        ? Condition()
        : Gen.Frequency(
            (4, Condition()),
            (1, Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Filter(depth - 1), n)).Select(fs => QueryFilter.And(fs))),
            (1, Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Filter(depth - 1), n)).Select(fs => QueryFilter.Or(fs))),
            (1, Filter(depth - 1).Select(QueryFilter.Not)));

    private static Gen<QueryFilter> Condition() => Gen.OneOf(
        Scalar(F.FunctionName, [.. Comparisons, In, Out, Contains, Excludes], FunctionValues, FunctionPatterns),
        Scalar(F.CreatedByUserId, [.. Comparisons, In, Out, Contains, Excludes], UserValues, ["user?", "*c", "*"], nullable: true),
        Scalar(F.ErrorType, [.. Comparisons, In, Out], TaskSamples.ErrorTypes, [], nullable: true),
        Scalar(F.ErrorMessage, [Eq, Ne, In, Out, Contains, Excludes], MessageValues, MessagePatterns, nullable: true),
        Scalar(F.Priority, [.. Comparisons, In, Out], Enumerable.Range(-4, 9).Cast<object>().ToArray(), []),
        Scalar(F.Status, [Eq, Ne, In, Out], [.. TaskQueryModel.Statuses], []),
        Scalar(F.CreationTimestamp, [.. Comparisons, In, Out], Times.Cast<object>().ToArray(), []),
        Scalar(F.UpdateTimestamp, [.. Comparisons], Times.Cast<object>().ToArray(), []),
        Scalar(F.Id, [Eq, Ne, In, Out], SomeIds.Cast<object>().ToArray(), []),
        Scalar(F.RetriedByTaskId, [Eq, Ne, In, Out], TaskSamples.RetryPool.Cast<object>().ToArray(), [], nullable: true),
        List(F.Tags, TagValues, [Eq, Ne, In, Out, Contains, Excludes, Gt, Lt], TagPatterns),
        List(F.RetryForTaskIds, TaskSamples.RetryPool.Cast<object>().ToArray(), [Eq, Ne, In, Out], []));

    private static Gen<QueryFilter> Scalar(string field, FilterOperator[] operators, IReadOnlyList<object> values, string[] patterns, bool nullable = false)
    {
        var plain =
            from op in Gen.Elements(operators)
            from value in Value(op, values)
            select QueryFilter.Where(field, op, value);
        var gens = new List<(int, Gen<QueryFilter>)> { (6, plain) };
        if (patterns.Length > 0)
        {
            gens.Add((2, Gen.Elements(patterns).Select(p => QueryFilter.Where(field, Like, p))));
        }

        if (nullable)
        {
            gens.Add((1, Gen.Elements(Eq, Ne).Select(op => QueryFilter.Where(field, op, null))));
        }

        return Gen.Frequency(gens.ToArray());
    }

    private static Gen<QueryFilter> List(string field, IReadOnlyList<object> values, FilterOperator[] elementOperators, string[] patterns)
    {
        var element =
            from op in Gen.Elements(elementOperators)
            from value in op is Gt or Lt ? Gen.Elements(Thresholds).Select(t => (object)t) : Value(op, values)
            select new ElementCondition(op, value);
        var elementConditions = Gen.Frequency(
            (4, element.Select(e => new[] { e })),
            (1, Gen.ArrayOf(element, 2)),
            (patterns.Length == 0 ? 0 : 2, Gen.Elements(patterns.Length == 0 ? ["*"] : patterns).Select(p => new[] { new ElementCondition(Like, p) })));
        return Gen.Frequency(
            (2, from op in Gen.Elements(Contains, Excludes) from value in Gen.Elements(values.ToArray()) select QueryFilter.Where(field, op, value)),
            (5, from quantifier in Gen.Elements(ListQuantifier.Some, ListQuantifier.All, ListQuantifier.None)
                from conditions in elementConditions
                select (QueryFilter)new ListCondition(field, quantifier, conditions)),
            (1, Gen.Elements(true, false).Select(any => QueryFilter.Any(field, any))));
    }

    private static Gen<object> Value(FilterOperator op, IReadOnlyList<object> values) => op is In or Out
        ? Gen.Choose(0, 3).SelectMany(n => Gen.Shuffle(values.ToArray()).Select(v => (object)ToTypedArray(v.Take(n).ToArray())))
        : Gen.Elements(values.ToArray());

    private static Array ToTypedArray(object[] values)
    {
        var array = Array.CreateInstance(values.Length > 0 ? values[0].GetType() : typeof(string), values.Length);
        Array.Copy(values, array, values.Length);
        return array;
    }

    /// <summary>A generated query that prints readably when a property fails.</summary>
    private sealed record RandomQuery(QueryFilter? Filter, SortField[] Sort, int PageSize, bool Backward)
    {
        public override string ToString() =>
            $"filter: {Describe(Filter)}; sort: [{string.Join(", ", Sort.Select(s => $"{s.Field} {s.Direction}"))}]; " +
            $"{(Backward ? "last" : "first")}: {PageSize}";

        private static string Describe(object? node) => node switch
        {
            null => "null",
            AndFilter and => $"and({string.Join(", ", and.Filters.Select(Describe))})",
            OrFilter or => $"or({string.Join(", ", or.Filters.Select(Describe))})",
            NotFilter not => $"not({Describe(not.Filter)})",
            FieldCondition c => $"{c.Field} {QueryLanguageNames.Of(c.Operator)} {Describe(c.Value)}",
            ListCondition l => $"{l.Field} {QueryLanguageNames.Of(l.Quantifier)} {{ {string.Join(", ", l.Conditions.Select(e => $"{QueryLanguageNames.Of(e.Operator)} {Describe(e.Value)}"))} }}",
            ListAnyCondition a => $"{a.Field} any {a.HasElements}",
            string s => $"\"{s}\"",
            IEnumerable items => $"[{string.Join(", ", items.Cast<object>().Select(Describe))}]",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => node.ToString() ?? "",
        };
    }
}
