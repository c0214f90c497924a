using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport.Errors;

/// <summary>Answers an HTTP request with errors in GraphQL shape: <c>{"errors":[{"message":...,"extensions":{"code":...}}]}</c>.</summary>
internal static class TransportProblemWriter
{
    public static Task WriteAsync(HttpContext httpContext, TransportProblem problem, string mediaType)
    {
        if (problem.Allow is { } allow)
        {
            httpContext.Response.Headers.Allow = allow;
        }

        return WriteErrorsAsync(httpContext, problem.StatusCode, [problem.ToError()], mediaType);
    }

    public static async Task WriteErrorsAsync(HttpContext httpContext, int statusCode, IReadOnlyList<GraphQLError> errors, string mediaType)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = mediaType + GraphQLMediaTypes.Utf8Suffix;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, TransportJson.WriterOptions))
        {
            GraphQLErrorJsonWriter.WriteResponse(writer, errors);
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
