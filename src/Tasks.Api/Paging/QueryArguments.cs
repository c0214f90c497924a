using Tasks.Api.Filtering;
using Tasks.GraphQL.Execution.Resolving;
using Tasks.Projections.Queries;

namespace Tasks.Api.Paging;

/// <summary>Turns a list field's <c>where</c>, <c>order</c> and paging arguments into a read-model query, and its errors into VALIDATION errors.</summary>
public static class QueryArguments
{
    /// <summary>Builds the query from the resolver's arguments and runs it with <paramref name="run"/>.</summary>
    /// <exception cref="GraphQL.Execution.GraphQLException">An argument is not valid (code VALIDATION, naming it).</exception>
    public static async Task<T> RunAsync<T>(IResolverContext context, FilterInputMapping mapping, Func<ReadModelQuery, Task<T>> run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var arguments = context.Arguments;
        var query = new ReadModelQuery(
            FilterInputTranslator.Translate(mapping, arguments.GetValueOrDefault("where")),
            SortInputTranslator.Translate(mapping, arguments.GetValueOrDefault("order")),
            new PageRequest(
                arguments.GetValueOrDefault("first") as int?,
                arguments.GetValueOrDefault("after") as string,
                arguments.GetValueOrDefault("last") as int?,
                arguments.GetValueOrDefault("before") as string));
        try
        {
            return await run(query);
        }
        catch (QueryValidationException e)
        {
            throw QueryErrorTranslation.ToGraphQLException(e, mapping);
        }
    }
}
