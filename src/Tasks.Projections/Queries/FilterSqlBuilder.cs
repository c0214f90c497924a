using System.Collections;
using System.Diagnostics.CodeAnalysis;
using NpgsqlTypes;

namespace Tasks.Projections.Queries;

/// <summary>
/// Type-checks a filter against a model and translates it to a SQL boolean expression whose values are all
/// parameters. Problems are collected rather than thrown, so one rejection can list them all.
/// </summary>
/// <remarks>
/// Every expression produced is two-valued: on a nullable column a positive condition is guarded with
/// <c>IS NOT NULL AND</c> and a negative one (ne, out, excludes, none, any:false) with <c>IS NULL OR</c>, so NULL
/// never leaks into the three-valued logic and <c>NOT</c> is an exact complement. List elements are assumed
/// non-null (read models never store NULL inside arrays).
/// </remarks>
internal sealed class FilterSqlBuilder(ReadModelDescription model, SqlParameterList parameters, List<QueryError> errors)
{
    private const string False = "FALSE";

    // The alias a list's elements get in the unnest subqueries of some/all/none.
    private const string ElementValue = "element.element_value";

    private int conditionCount;
    private bool tooDeepReported;
    private bool tooManyReported;

    public string Build(QueryFilter filter) => Visit(filter, 1);

    private string Visit(QueryFilter? filter, int depth)
    {
        if (filter is null)
        {
            return Reject(QueryErrorCode.InvalidValue, "a filter must not be null");
        }

        if (depth > model.MaxFilterDepth)
        {
            if (!tooDeepReported)
            {
                tooDeepReported = true;
                errors.Add(new QueryError(QueryErrorCode.FilterTooDeep, $"the filter is nested deeper than {model.MaxFilterDepth} levels"));
            }

            return False;
        }

        return filter switch
        {
            AndFilter and => Combine(and.Filters, "AND", "TRUE", depth),
            OrFilter or => Combine(or.Filters, "OR", False, depth),
            NotFilter not => $"NOT ({Visit(not.Filter, depth + 1)})",
            FieldCondition condition => Count(1) ? FieldSql(condition) : False,
            ListCondition list => Count(Math.Max(1, list.Conditions?.Count ?? 0)) ? ListSql(list) : False,
            ListAnyCondition any => Count(1) ? AnySql(any) : False,
            _ => throw new ArgumentException($"unknown filter node {filter.GetType().Name}", nameof(filter)),
        };
    }

    private string Combine(IReadOnlyList<QueryFilter>? operands, string connective, string identity, int depth)
    {
        if (operands is null)
        {
            return Reject(QueryErrorCode.InvalidValue, $"'{connective.ToLowerInvariant()}' needs a list of filters");
        }

        var parts = new List<string>(operands.Count);
        foreach (var operand in operands)
        {
            parts.Add(Visit(operand, depth + 1));
            if (tooManyReported)
            {
                // Stop walking a huge filter once it is known to be refused.
                return False;
            }
        }

        return parts.Count switch
        {
            0 => identity,
            1 => parts[0],
            _ => "(" + string.Join($" {connective} ", parts) + ")",
        };
    }

    private bool Count(int conditions)
    {
        conditionCount += conditions;
        if (conditionCount <= model.MaxFilterConditions)
        {
            return true;
        }

        if (!tooManyReported)
        {
            tooManyReported = true;
            errors.Add(new QueryError(QueryErrorCode.TooManyConditions, $"the filter has more than {model.MaxFilterConditions} conditions"));
        }

        return false;
    }

    private string FieldSql(FieldCondition condition)
    {
        if (!Enum.IsDefined(condition.Operator))
        {
            return Reject(QueryErrorCode.OperatorNotSupported, $"unknown operator {condition.Operator}", condition.Field);
        }

        var op = QueryLanguageNames.Of(condition.Operator);
        if (!TryGetField(condition.Field, op, out var field))
        {
            return False;
        }

        var column = field.Column;
        if (condition.Value is null)
        {
            return condition.Operator switch
            {
                FilterOperator.Eq => $"{column} IS NULL",
                FilterOperator.Ne => $"{column} IS NOT NULL",
                _ => Reject(QueryErrorCode.InvalidValue, $"'{op}' on '{field.Name}' needs a value: null is only allowed with eq and ne", field.Name, op),
            };
        }

        if (field.IsList)
        {
            if (condition.Operator is not (FilterOperator.Contains or FilterOperator.Excludes))
            {
                return Reject(
                    QueryErrorCode.OperatorNotSupported,
                    $"'{op}' does not apply to list field '{field.Name}': use contains, excludes, some, all, none or any",
                    field.Name,
                    op);
            }

            var elementKind = FieldValues.ElementKind(field.Kind);
            if (!TryValue(elementKind, [], condition.Value, field.Name, op, out var element))
            {
                return False;
            }

            // @> serves both from a GIN index on the array.
            var single = parameters.Add(FieldValues.ToTypedArray(elementKind, [element]), NpgsqlDbType.Array | FieldValues.DbType(elementKind));
            return condition.Operator == FilterOperator.Contains
                ? GuardNull(field, $"{column} @> {single}", negative: false)
                : GuardNull(field, $"NOT ({column} @> {single})", negative: true);
        }

        if (!Supports(field.Kind, condition.Operator))
        {
            return Reject(QueryErrorCode.OperatorNotSupported, $"'{op}' does not apply to {field.Kind} field '{field.Name}'", field.Name, op);
        }

        var sql = ScalarSql(column, field.Kind, field.EnumValues, condition.Operator, condition.Value, field.Name, op);
        return sql is null ? False : GuardNull(field, sql, IsNegative(condition.Operator));
    }

    private string ListSql(ListCondition list)
    {
        if (!Enum.IsDefined(list.Quantifier))
        {
            return Reject(QueryErrorCode.OperatorNotSupported, $"unknown quantifier {list.Quantifier}", list.Field);
        }

        var quantifier = QueryLanguageNames.Of(list.Quantifier);
        if (!TryGetField(list.Field, quantifier, out var field))
        {
            return False;
        }

        if (!field.IsList)
        {
            return Reject(QueryErrorCode.OperatorNotSupported, $"'{quantifier}' only applies to list fields, '{field.Name}' is {field.Kind}", field.Name, quantifier);
        }

        if (list.Conditions is null || list.Conditions.Count == 0)
        {
            return Reject(QueryErrorCode.InvalidValue, $"'{quantifier}' on '{field.Name}' needs at least one element condition", field.Name, quantifier);
        }

        var elementKind = FieldValues.ElementKind(field.Kind);
        var column = field.Column;
        var negative = list.Quantifier == ListQuantifier.None;
        if (list.Conditions is [{ Operator: FilterOperator.Eq or FilterOperator.In } only] && only.Value is not null)
        {
            // eq and in have array-operator forms that a GIN index on the array serves.
            var op = $"{quantifier}.{QueryLanguageNames.Of(only.Operator)}";
            var values = only.Operator == FilterOperator.Eq
                ? (TryValue(elementKind, [], only.Value, field.Name, op, out var one) ? FieldValues.ToTypedArray(elementKind, [one]) : null)
                : TryList(elementKind, [], only.Value, field.Name, op);
            if (values is null)
            {
                return False;
            }

            var array = parameters.Add(values, NpgsqlDbType.Array | FieldValues.DbType(elementKind));
            var overlaps = only.Operator == FilterOperator.Eq ? $"{column} @> {array}" : $"{column} && {array}";
            return list.Quantifier switch
            {
                ListQuantifier.Some => GuardNull(field, overlaps, negative),
                ListQuantifier.None => GuardNull(field, $"NOT ({overlaps})", negative),
                _ => GuardNull(field, $"{column} <@ {array}", negative),
            };
        }

        var parts = new List<string>(list.Conditions.Count);
        foreach (var condition in list.Conditions)
        {
            if (condition is null || !Enum.IsDefined(condition.Operator))
            {
                Reject(QueryErrorCode.InvalidValue, $"'{quantifier}' on '{field.Name}' has an empty or unknown element condition", field.Name, quantifier);
                continue;
            }

            var op = $"{quantifier}.{QueryLanguageNames.Of(condition.Operator)}";
            if (condition.Value is null)
            {
                Reject(QueryErrorCode.InvalidValue, $"'{op}' on '{field.Name}' needs a value: list elements are never null", field.Name, op);
            }
            else if (!Supports(elementKind, condition.Operator))
            {
                Reject(QueryErrorCode.OperatorNotSupported, $"'{op}' does not apply to the {elementKind} elements of '{field.Name}'", field.Name, op);
            }
            else if (ScalarSql(ElementValue, elementKind, [], condition.Operator, condition.Value, field.Name, op) is { } sql)
            {
                parts.Add(sql);
            }
        }

        if (parts.Count != list.Conditions.Count)
        {
            return False;
        }

        var matches = string.Join(" AND ", parts);
        var elements = $"SELECT 1 FROM unnest({column}) AS element(element_value)";
        return list.Quantifier switch
        {
            ListQuantifier.Some => GuardNull(field, $"EXISTS ({elements} WHERE {matches})", negative),
            ListQuantifier.None => GuardNull(field, $"NOT EXISTS ({elements} WHERE {matches})", negative),
            _ => GuardNull(field, $"NOT EXISTS ({elements} WHERE NOT ({matches}))", negative),
        };
    }

    private string AnySql(ListAnyCondition any)
    {
        if (!TryGetField(any.Field, "any", out var field))
        {
            return False;
        }

        if (!field.IsList)
        {
            return Reject(QueryErrorCode.OperatorNotSupported, $"'any' only applies to list fields, '{field.Name}' is {field.Kind}", field.Name, "any");
        }

        return any.HasElements
            ? GuardNull(field, $"cardinality({field.Column}) > 0", negative: false)
            : GuardNull(field, $"cardinality({field.Column}) = 0", negative: true);
    }

    /// <summary>The SQL for one scalar operator on an operand known to be non-null, or null after reporting a bad value.</summary>
    private string? ScalarSql(string operand, FieldKind kind, IReadOnlyList<string> enumValues, FilterOperator filterOperator, object value, string field, string op)
    {
        if (filterOperator is FilterOperator.In or FilterOperator.Out)
        {
            var values = TryList(kind, enumValues, value, field, op);
            if (values is null)
            {
                return null;
            }

            var array = parameters.Add(values, NpgsqlDbType.Array | FieldValues.DbType(kind));
            return filterOperator == FilterOperator.In ? $"{operand} = ANY({array})" : $"{operand} <> ALL({array})";
        }

        if (!TryValue(kind, enumValues, value, field, op, out var converted))
        {
            return null;
        }

        if (filterOperator == FilterOperator.Like)
        {
            return $"{operand} LIKE {parameters.Add(LikePattern.ToSqlLike((string)converted), NpgsqlDbType.Text)}";
        }

        var parameter = parameters.Add(converted, FieldValues.DbType(kind));
        return filterOperator switch
        {
            // strpos finds a plain substring: no pattern characters to escape, and case-sensitive like C# Contains.
            FilterOperator.Contains => $"strpos({operand}, {parameter}) > 0",
            FilterOperator.Excludes => $"strpos({operand}, {parameter}) = 0",
            FilterOperator.Eq => $"{operand} = {parameter}",
            FilterOperator.Ne => $"{operand} <> {parameter}",
            FilterOperator.Gt => $"{operand} > {parameter}",
            FilterOperator.Ge => $"{operand} >= {parameter}",
            FilterOperator.Lt => $"{operand} < {parameter}",
            FilterOperator.Le => $"{operand} <= {parameter}",
            _ => throw new InvalidOperationException($"operator {filterOperator} is not scalar"),
        };
    }

    private static bool Supports(FieldKind kind, FilterOperator filterOperator) => kind switch
    {
        FieldKind.Text => true,
        // UUIDs order as PostgreSQL orders them; with time-ordered ids that is creation order.
        FieldKind.Integer or FieldKind.Long or FieldKind.Timestamp or FieldKind.Uuid => filterOperator
            is FilterOperator.Eq or FilterOperator.Ne or FilterOperator.Gt or FilterOperator.Ge
            or FilterOperator.Lt or FilterOperator.Le or FilterOperator.In or FilterOperator.Out,
        FieldKind.Enum => filterOperator is FilterOperator.Eq or FilterOperator.Ne or FilterOperator.In or FilterOperator.Out,
        FieldKind.Boolean => filterOperator is FilterOperator.Eq or FilterOperator.Ne,
        _ => false,
    };

    private static bool IsNegative(FilterOperator filterOperator) =>
        filterOperator is FilterOperator.Ne or FilterOperator.Out or FilterOperator.Excludes;

    private static string GuardNull(QueryField field, string sql, bool negative) => !field.IsNullable
        ? sql
        : negative
            ? $"({field.Column} IS NULL OR {sql})"
            : $"({field.Column} IS NOT NULL AND {sql})";

    private bool TryGetField(string? name, string op, [NotNullWhen(true)] out QueryField? field)
    {
        if (name is not null && model.TryGetField(name, out field))
        {
            return true;
        }

        field = null;
        Reject(QueryErrorCode.UnknownField, $"'{name}' is not a field that can be filtered on", name, op);
        return false;
    }

    private bool TryValue(FieldKind kind, IReadOnlyList<string> enumValues, object value, string field, string op, [NotNullWhen(true)] out object? converted)
    {
        if (FieldValues.TryConvert(kind, enumValues, value, out converted))
        {
            return true;
        }

        Reject(QueryErrorCode.InvalidValue, $"'{op}' on '{field}' expects {FieldValues.Expected(kind, enumValues)}, got {FieldValues.Describe(value)}", field, op);
        return false;
    }

    private Array? TryList(FieldKind kind, IReadOnlyList<string> enumValues, object value, string field, string op)
    {
        if (value is string || value is not IEnumerable sequence)
        {
            Reject(QueryErrorCode.InvalidValue, $"'{op}' on '{field}' expects a list of {FieldValues.Expected(kind, enumValues)}, got {FieldValues.Describe(value)}", field, op);
            return null;
        }

        var converted = new List<object>();
        foreach (var item in sequence)
        {
            if (converted.Count == model.MaxListValues)
            {
                Reject(QueryErrorCode.TooManyValues, $"'{op}' on '{field}' has more than {model.MaxListValues} values", field, op);
                return null;
            }

            if (item is null)
            {
                Reject(QueryErrorCode.InvalidValue, $"'{op}' on '{field}' must not list null: combine with eq null instead", field, op);
                return null;
            }

            if (!TryValue(kind, enumValues, item, field, op, out var one))
            {
                return null;
            }

            converted.Add(one);
        }

        return FieldValues.ToTypedArray(kind, converted);
    }

    private string Reject(QueryErrorCode code, string message, string? field = null, string? op = null)
    {
        errors.Add(new QueryError(code, message, field, op));
        return False;
    }
}
