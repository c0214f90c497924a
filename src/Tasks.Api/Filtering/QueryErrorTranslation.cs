using Tasks.GraphQL.Execution;
using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>
/// Turns the query compiler's rejections into GraphQL errors clients can act on: code VALIDATION, with the GraphQL
/// name of the field at fault rather than the read model's (<c>error.type</c>, not <c>errorType</c>).
/// </summary>
public static class QueryErrorTranslation
{
    /// <summary>The <c>extensions.code</c> of every error about bad filter, sort or paging input.</summary>
    public const string ValidationCode = "VALIDATION";

    /// <summary>
    /// The GraphQL error for a rejected query. Its message lists every reason; the extensions describe the first:
    /// <c>field</c> (the GraphQL field path, the paging argument for cursor and page-size errors, or <c>where</c> when
    /// the filter as a whole is too big), <c>operator</c> (GraphQL spelling, e.g. <c>neq</c>, <c>some.nin</c>) and
    /// <c>reason</c> (the <see cref="QueryErrorCode"/> name).
    /// </summary>
    /// <param name="exception">The compiler's rejection; it becomes the inner exception, which clients do not see.</param>
    /// <param name="mapping">The mapping of the input types the query came from, to name fields the GraphQL way.</param>
    /// <param name="whereArgument">The name of the filter argument.</param>
    public static GraphQLException ToGraphQLException(QueryValidationException exception, FilterInputMapping mapping, string whereArgument = "where")
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(mapping);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (exception.Errors is [var first, ..])
        {
            if (FieldOf(first, mapping, whereArgument) is { } field)
            {
                extensions["field"] = field;
            }

            if (first.Operator is { } queryOperator)
            {
                extensions["operator"] = FilterInputNames.FromQueryLanguage(queryOperator);
            }

            extensions["reason"] = first.Code.ToString();
        }

        return new GraphQLException(exception.Message, ValidationCode, extensions, exception);
    }

    private static string? FieldOf(QueryError error, FilterInputMapping mapping, string whereArgument) => error.Code switch
    {
        // These name the paging argument (first, last, after, before), which has no read-model counterpart.
        QueryErrorCode.InvalidCursor or QueryErrorCode.CursorMismatch or QueryErrorCode.InvalidPageSize
            or QueryErrorCode.ConflictingPageArguments => error.Field,
        // These concern the filter as a whole.
        QueryErrorCode.FilterTooDeep or QueryErrorCode.TooManyConditions => whereArgument,
        _ => error.Field is null ? null : mapping.ToGraphQLPath(error.Field),
    };
}
