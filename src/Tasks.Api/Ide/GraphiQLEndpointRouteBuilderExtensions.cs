using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Net.Http.Headers;

namespace Tasks.Api.Ide;

/// <summary>Maps the files of GraphiQL's page (<see cref="GraphiQLPage"/>) onto ASP.NET Core routing.</summary>
public static class GraphiQLEndpointRouteBuilderExtensions
{
    private const string FileParameter = "file";
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Serves the IDE's scripts and styles, embedded in the assembly, at <paramref name="pattern"/>: with their
    /// content type, a strong ETag (answering <c>If-None-Match</c> with 304) and a year-long immutable cache
    /// lifetime (the page's URLs carry a version). An unknown file is 404 Not Found.
    /// </summary>
    /// <param name="endpoints">The route builder, usually the <c>WebApplication</c>.</param>
    /// <param name="pattern">
    /// The route, with a <c>{file}</c> parameter; it must be the GraphQL endpoint's path followed by
    /// <c>/ide/{file}</c>, where the page looks for the files.
    /// </param>
    /// <returns>The endpoint's convention builder (for <c>AllowAnonymous()</c> and the like).</returns>
    public static IEndpointConventionBuilder MapGraphiQLAssets(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/graphql/ide/{file}")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        if (RoutePatternFactory.Parse(pattern).GetParameter(FileParameter) is null)
        {
            throw new ArgumentException($"The pattern '{pattern}' has no {{{FileParameter}}} parameter.", nameof(pattern));
        }

        return endpoints.MapMethods(pattern, Methods, ServeAsync).WithDisplayName($"GraphiQL assets {pattern}");
    }

    private static Task ServeAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        if (httpContext.GetRouteValue(FileParameter) is not string name || !GraphiQLAssets.Files.TryGetValue(name, out var asset))
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        var headers = response.GetTypedHeaders();
        headers.ETag = asset.ETag;
        headers.CacheControl = new CacheControlHeaderValue { Public = true, MaxAge = TimeSpan.FromDays(365), Extensions = { new NameValueHeaderValue("immutable") } };
        response.Headers.XContentTypeOptions = "nosniff";

        var ifNoneMatch = httpContext.Request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(asset.ETag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        return HttpMethods.IsHead(httpContext.Request.Method)
            ? Task.CompletedTask
            : response.Body.WriteAsync(asset.Content, httpContext.RequestAborted).AsTask();
    }
}
