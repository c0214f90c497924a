using Tasks.Projections.Queries;

namespace Tasks.Projections.Tests.Queries;

/// <summary>A made-up read model with one field of every kind, for compiler unit tests.</summary>
internal static class ThingModel
{
    public static ReadModelDescription ReadModel { get; } = new(
        "things",
        "id",
        [
            new QueryField("id", "id", FieldKind.Uuid),
            new QueryField("name", "name", FieldKind.Text),
            new QueryField("nickname", "nickname", FieldKind.Text, isNullable: true),
            new QueryField("count", "count", FieldKind.Integer),
            new QueryField("size", "size_bytes", FieldKind.Long),
            new QueryField("ready", "ready", FieldKind.Boolean),
            new QueryField("at", "happened_at", FieldKind.Timestamp),
            new QueryField("rank", "rank", FieldKind.Integer, isNullable: true),
            new QueryField("state", "state", FieldKind.Enum, enumValues: ["open", "shut"]),
            new QueryField("tags", "tags", FieldKind.TextList),
            new QueryField("links", "link_ids", FieldKind.UuidList),
            new QueryField("maybeTags", "maybe_tags", FieldKind.TextList, isNullable: true),
        ],
        [],
        ["secret_payload"]);

    public static readonly string[] Columns = ["id", "name"];

    public static CompiledPageQuery Compile(QueryFilter? filter = null, IReadOnlyList<SortField>? sort = null, PageRequest? page = null, bool count = false, ReadModelDescription? model = null) =>
        ReadModelQueryCompiler.Compile(model ?? ReadModel, new ReadModelQuery(filter, sort, page, count), Columns);

    /// <summary>The WHERE clause of the page query for a filter, without the keyword.</summary>
    public static string WhereOf(QueryFilter filter)
    {
        var sql = Compile(filter).Query.Sql;
        var start = sql.IndexOf(" WHERE ", StringComparison.Ordinal) + " WHERE ".Length;
        var end = sql.IndexOf(" ORDER BY ", StringComparison.Ordinal);
        return sql[start..end];
    }

    public static QueryError SingleError(Action compile)
    {
        var exception = Assert.Throws<QueryValidationException>(compile);
        return Assert.Single(exception.Errors);
    }
}
