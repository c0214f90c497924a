using System.Collections;
using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>
/// Compiles the <c>where</c> argument of the <c>taskEvents</c> subscription into a predicate over
/// <see cref="TaskEventFacts"/>, once per subscription, so every committed event is tested without SQL.
/// </summary>
/// <remarks>
/// The input goes through <see cref="FilterInputTranslator"/> like the <c>tasks</c> filter and the resulting tree is
/// evaluated with the SQL translation's meaning: strings compare by code point, like patterns match whole values,
/// UUIDs order as PostgreSQL orders them, negative operators (neq, nin, ncontains, nstartsWith, nendsWith, nlike) hold
/// on a missing value. The read model's limits on depth, conditions and list values apply too, so a filter accepted
/// here is no costlier per event than one <c>tasks</c> accepts per query.
/// </remarks>
public static class TaskEventFilter
{
    internal const string TaskIdField = "taskId";
    internal const string TypeField = "type";
    internal const string FunctionNameField = "functionName";
    internal const string TagsField = "tags";

    /// <summary>The stored event names the GraphQL <c>TaskEventType</c> values are bound to, CREATED to RETRIED.</summary>
    public static IReadOnlyList<string> EventTypes { get; } =
        ["task-created", "task-cancelled", "task-started", "task-completed", "task-failed", "task-retried", "task-deferred"];

    /// <summary>The predicate <paramref name="where"/> describes; one that always holds when it is null or empty.</summary>
    /// <param name="where">The coerced argument: null or an input object (<c>IReadOnlyDictionary&lt;string, object?&gt;</c>).</param>
    /// <param name="argument">The argument's name, the first segment of error paths.</param>
    /// <exception cref="global::Tasks.GraphQL.Execution.GraphQLException">The input is not valid (code VALIDATION).</exception>
    public static Func<TaskEventFacts, bool> Compile(object? where, string argument = "where")
    {
        var filter = FilterInputTranslator.Translate(FilterInputMapping.TaskEvent, where, argument);
        if (filter is null)
        {
            return static _ => true;
        }

        new LimitCheck(argument).Visit(filter, 1);
        return Build(filter);
    }

    private static Func<TaskEventFacts, bool> Build(QueryFilter filter)
    {
        switch (filter)
        {
            case AndFilter and:
                var all = and.Filters.Select(Build).ToArray();
                return facts => Array.TrueForAll(all, test => test(facts));
            case OrFilter or:
                var any = or.Filters.Select(Build).ToArray();
                return facts => Array.Exists(any, test => test(facts));
            case NotFilter not:
                var inner = Build(not.Filter);
                return facts => !inner(facts);
            case FieldCondition condition:
                var read = Reader(condition.Field);
                var test = ValueTest(condition.Operator, condition.Value);
                return facts => test(read(facts));
            case ListCondition list:
                RequireTags(list.Field);
                var conditions = list.Conditions.Select(c => ValueTest(c.Operator, c.Value)).ToArray();
                bool Matches(string element) => Array.TrueForAll(conditions, c => c(element));
                return list.Quantifier switch
                {
                    ListQuantifier.Some => facts => facts.Tags.Any(Matches),
                    ListQuantifier.All => facts => facts.Tags.All(Matches),
                    _ => facts => !facts.Tags.Any(Matches),
                };
            case ListAnyCondition nonEmpty:
                RequireTags(nonEmpty.Field);
                return nonEmpty.HasElements ? facts => facts.Tags.Count > 0 : facts => facts.Tags.Count == 0;
            default:
                throw new ArgumentException($"unknown filter node {filter.GetType().Name}", nameof(filter));
        }
    }

    private static Func<TaskEventFacts, object?> Reader(string field) => field switch
    {
        TaskIdField => facts => facts.TaskId,
        TypeField => facts => facts.Type,
        FunctionNameField => facts => facts.FunctionName,
        _ => throw new ArgumentException($"'{field}' is not a scalar field of task events", nameof(field)),
    };

    private static void RequireTags(string field)
    {
        if (field != TagsField)
        {
            throw new ArgumentException($"'{field}' is not a list field of task events", nameof(field));
        }
    }

    /// <summary>A test on one (possibly missing) value, two-valued like the SQL translation.</summary>
    private static Func<object?, bool> ValueTest(FilterOperator filterOperator, object? operand)
    {
        if (operand is null)
        {
            // The translator gives null only to eq (is null) and neq (is not null).
            return filterOperator == FilterOperator.Eq ? static value => value is null : static value => value is not null;
        }

        switch (filterOperator)
        {
            case FilterOperator.Eq:
                return value => operand.Equals(value);
            case FilterOperator.Ne:
                return value => !operand.Equals(value);
            case FilterOperator.In:
            case FilterOperator.Out:
                // Strings and Guids hash and compare by value (strings ordinally), as SQL equality does here.
                var set = new HashSet<object>(((IEnumerable)operand).Cast<object>());
                return filterOperator == FilterOperator.In
                    ? value => value is not null && set.Contains(value)
                    : value => value is null || !set.Contains(value);
            case FilterOperator.Gt:
                return value => value is not null && Compare(value, operand) > 0;
            case FilterOperator.Ge:
                return value => value is not null && Compare(value, operand) >= 0;
            case FilterOperator.Lt:
                return value => value is not null && Compare(value, operand) < 0;
            case FilterOperator.Le:
                return value => value is not null && Compare(value, operand) <= 0;
            case FilterOperator.Contains:
                var part = (string)operand;
                return value => value is string text && text.Contains(part, StringComparison.Ordinal);
            case FilterOperator.Excludes:
                var absent = (string)operand;
                return value => value is not string text || !text.Contains(absent, StringComparison.Ordinal);
            case FilterOperator.Like:
                var pattern = WildcardPattern.Parse((string)operand);
                return value => value is string text && pattern.IsMatch(text);
            default:
                throw new ArgumentOutOfRangeException(nameof(filterOperator), filterOperator, null);
        }
    }

    private static int Compare(object value, object operand) => (value, operand) switch
    {
        (string text, string other) => TextOrder.Compare(text, other),
        (Guid id, Guid other) => UuidOrder.Compare(id, other),
        _ => throw new ArgumentException($"cannot order a {value.GetType().Name} against a {operand.GetType().Name}", nameof(operand)),
    };

    /// <summary>The read model's limits, counted the way the SQL translation counts them.</summary>
    private sealed class LimitCheck(string argument)
    {
        private static readonly ReadModelDescription Limits = TaskQueryModel.ReadModel;

        private int conditions;

        public void Visit(QueryFilter filter, int depth)
        {
            if (depth > Limits.MaxFilterDepth)
            {
                throw FilterValidation.Error(argument, $"the filter is nested deeper than {Limits.MaxFilterDepth} levels", QueryErrorCode.FilterTooDeep);
            }

            switch (filter)
            {
                case AndFilter and:
                    foreach (var operand in and.Filters)
                    {
                        Visit(operand, depth + 1);
                    }

                    break;
                case OrFilter or:
                    foreach (var operand in or.Filters)
                    {
                        Visit(operand, depth + 1);
                    }

                    break;
                case NotFilter not:
                    Visit(not.Filter, depth + 1);
                    break;
                case FieldCondition condition:
                    Count(1);
                    CheckValues($"{argument}.{condition.Field}", condition.Operator, condition.Value);
                    break;
                case ListCondition list:
                    Count(Math.Max(1, list.Conditions.Count));
                    foreach (var element in list.Conditions)
                    {
                        CheckValues($"{argument}.{list.Field}.{QueryLanguageNames.Of(list.Quantifier)}", element.Operator, element.Value);
                    }

                    break;
                default:
                    Count(1);
                    break;
            }
        }

        private void Count(int more)
        {
            conditions += more;
            if (conditions > Limits.MaxFilterConditions)
            {
                throw FilterValidation.Error(argument, $"the filter has more than {Limits.MaxFilterConditions} conditions", QueryErrorCode.TooManyConditions);
            }
        }

        private static void CheckValues(string path, FilterOperator filterOperator, object? operand)
        {
            if (filterOperator is FilterOperator.In or FilterOperator.Out && operand is ICollection { Count: var count } && count > Limits.MaxListValues)
            {
                var name = filterOperator == FilterOperator.In ? FilterInputNames.In : FilterInputNames.Nin;
                throw FilterValidation.Error($"{path}.{name}", $"lists more than {Limits.MaxListValues} values", QueryErrorCode.TooManyValues);
            }
        }
    }
}
