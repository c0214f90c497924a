using Tasks.GraphQL.Execution;
using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>Makes the VALIDATION errors of filter and sort arguments, all in one shape.</summary>
internal static class FilterValidation
{
    /// <summary>A VALIDATION error on the argument part at <paramref name="field"/>, e.g. <c>where.tags.some.like</c>.</summary>
    public static GraphQLException Error(string field, string message, QueryErrorCode? reason = null)
    {
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["field"] = field };
        if (reason is { } code)
        {
            extensions["reason"] = code.ToString();
        }

        return new GraphQLException($"{field}: {message}", QueryErrorTranslation.ValidationCode, extensions);
    }
}
