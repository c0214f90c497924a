using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.IdentityModel.Tokens;
using Tasks.Api.Errors;

namespace Tasks.Api.Authentication;

/// <summary>
/// Answers 401 to GraphQL requests without a valid bearer token, before any parsing. The browser IDE page and its
/// assets are open (they hold no data), and WebSockets authenticate in <c>connection_init</c> instead.
/// </summary>
public static class TokenRequirement
{
    /// <summary>Requires a token on <paramref name="path"/> and below, except for the IDE and the schema file.</summary>
    public static IApplicationBuilder UseTokenRequirement(this IApplicationBuilder app, string path)
    {
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments(path, out var rest) || IsOpen(context, rest) || context.User.Identity is { IsAuthenticated: true })
            {
                await next(context);
                return;
            }

            await RejectAsync(context);
        });
    }

    private static bool IsOpen(HttpContext context, PathString rest)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            return true;
        }

        if (rest.HasValue && rest != "/")
        {
            // Everything below the endpoint (the IDE's assets, the schema file) is public.
            return true;
        }

        var request = context.Request;
        return HttpMethods.IsGet(request.Method)
            && !request.Query.ContainsKey("query")
            && !request.Query.ContainsKey("documentId")
            && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
    }

    private static async Task RejectAsync(HttpContext context)
    {
        // The handler keeps its result for the request, so asking again costs nothing and tells why a token failed
        // (the result feature is only set on success).
        var failure = (await context.AuthenticateAsync()).Failure;
        var hasToken = context.Request.Headers.Authorization.Count > 0;
        var message = failure switch
        {
            SecurityTokenExpiredException => "The bearer token has expired.",
            not null => "The bearer token is not valid.",
            _ when hasToken => "The Authorization header does not hold a bearer token.",
            _ => "A bearer token is required: send Authorization: Bearer <token>.",
        };
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = hasToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteStartArray("errors");
        writer.WriteStartObject();
        writer.WriteString("message", message);
        writer.WriteStartObject("extensions");
        writer.WriteString("code", ApiErrorCodes.Unauthenticated);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
