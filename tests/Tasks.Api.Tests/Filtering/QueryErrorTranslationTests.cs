using Tasks.Api.Filtering;
using Tasks.GraphQL.Execution;
using Tasks.Projections.Queries;
using static Tasks.Api.Tests.Filtering.FilterTrees;

namespace Tasks.Api.Tests.Filtering;

/// <summary>Real rejections from the query compiler (no database involved), translated for GraphQL clients.</summary>
public sealed class QueryErrorTranslationTests
{
    private static GraphQLException Rejected(ReadModelQuery query, FilterInputMapping? mapping = null)
    {
        var rejection = Assert.Throws<QueryValidationException>(() => ReadModelQueryCompiler.Compile(TaskQueryModel.ReadModel, query, [TaskQueryModel.Id]));
        var error = QueryErrorTranslation.ToGraphQLException(rejection, mapping ?? FilterInputMapping.Task);
        Assert.Equal("VALIDATION", error.Code);
        Assert.Same(rejection, error.InnerException);
        return error;
    }

    [Fact]
    public void A_read_model_field_is_named_by_its_graphql_path()
    {
        var error = Rejected(new ReadModelQuery(QueryFilter.Where(TaskQueryModel.ErrorType, FilterOperator.Ne, 5)));

        Assert.Equal("error.type", error.Extensions!["field"]);
        Assert.Equal("neq", error.Extensions["operator"]);
        Assert.Equal("InvalidValue", error.Extensions["reason"]);
    }

    [Fact]
    public void Element_operators_get_their_graphql_spelling()
    {
        var filter = new ListCondition(TaskQueryModel.Tags, ListQuantifier.Some, [new ElementCondition(FilterOperator.Out, new object[] { 5 })]);
        var error = Rejected(new ReadModelQuery(filter));

        Assert.Equal("tags", error.Extensions!["field"]);
        Assert.Equal("some.nin", error.Extensions["operator"]);
    }

    [Fact]
    public void Uuid_ordering_compiles_to_an_ordered_comparison()
    {
        var filter = FilterInputTranslator.Translate(FilterInputMapping.Task, Obj(("retriedByTaskId", Obj(("gte", Guid.Empty)))));

        var compiled = ReadModelQueryCompiler.CompileCount(TaskQueryModel.ReadModel, filter);

        Assert.Contains("retried_by_task_id >= ", compiled.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsortable_field_is_named_by_its_graphql_path()
    {
        var error = Rejected(new ReadModelQuery(Sort: [new SortField(TaskQueryModel.ErrorMessage)]));

        Assert.Equal("error.message", error.Extensions!["field"]);
        Assert.Equal("FieldNotSortable", error.Extensions["reason"]);
        Assert.False(error.Extensions.ContainsKey("operator"));
    }

    [Fact]
    public void Cursor_errors_name_the_paging_argument()
    {
        var error = Rejected(new ReadModelQuery(Page: new PageRequest(After: "not-a-cursor")));

        Assert.Equal("after", error.Extensions!["field"]);
        Assert.Equal("InvalidCursor", error.Extensions["reason"]);
    }

    [Fact]
    public void Page_size_errors_name_the_paging_argument()
    {
        var error = Rejected(new ReadModelQuery(Page: new PageRequest(Last: 51)));

        Assert.Equal("last", error.Extensions!["field"]);
        Assert.Equal("InvalidPageSize", error.Extensions["reason"]);
    }

    [Fact]
    public void A_filter_too_deep_is_blamed_on_the_where_argument()
    {
        var filter = QueryFilter.Where(TaskQueryModel.Priority, FilterOperator.Eq, 1);
        for (var i = 0; i < TaskQueryModel.ReadModel.MaxFilterDepth; i++)
        {
            filter = QueryFilter.Not(filter);
        }

        var error = Rejected(new ReadModelQuery(filter));

        Assert.Equal("where", error.Extensions!["field"]);
        Assert.Equal("FilterTooDeep", error.Extensions["reason"]);
    }

    [Fact]
    public void The_message_lists_every_reason_and_the_extensions_describe_the_first()
    {
        var filter = QueryFilter.And(
            QueryFilter.Where(TaskQueryModel.ErrorName, FilterOperator.Gt, 1),
            QueryFilter.Where(TaskQueryModel.Priority, FilterOperator.Eq, "high"));
        var error = Rejected(new ReadModelQuery(filter));

        Assert.Contains("errorName", error.Message, StringComparison.Ordinal);
        Assert.Contains("priority", error.Message, StringComparison.Ordinal);
        Assert.Equal("error.name", error.Extensions!["field"]);
        Assert.Equal("gt", error.Extensions["operator"]);
    }

    [Fact]
    public void A_rejection_without_typed_errors_keeps_only_its_message()
    {
        var error = QueryErrorTranslation.ToGraphQLException(new QueryValidationException("no"), FilterInputMapping.Function);

        Assert.Equal("VALIDATION", error.Code);
        Assert.Equal("no", error.Message);
        Assert.Empty(error.Extensions!);
    }

    [Fact]
    public void Fields_are_mapped_with_the_mapping_given()
    {
        var rejection = Assert.Throws<QueryValidationException>(() =>
            ReadModelQueryCompiler.CompileCount(FunctionQueryModel.ReadModel, QueryFilter.Where(FunctionQueryModel.Enabled, FilterOperator.Gt, true)));

        var error = QueryErrorTranslation.ToGraphQLException(rejection, FilterInputMapping.Function);

        Assert.Equal("enabled", error.Extensions!["field"]);
        Assert.Equal("OperatorNotSupported", error.Extensions["reason"]);
    }
}
