using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tasks.Api.Ide;

/// <summary>
/// GraphiQL, the browser IDE of the GraphQL endpoint: the page is served by the endpoint itself (set
/// <see cref="ServeAsync"/> as <c>GraphQLHttpOptions.ServeIdePage</c>), its scripts and styles by
/// <see cref="GraphiQLEndpointRouteBuilderExtensions.MapGraphiQLAssets"/> under <c>{endpoint}/ide/</c>.
/// Everything is same-origin: the page's Content-Security-Policy allows no other origin.
/// </summary>
public static class GraphiQLPage
{
    /// <summary>The headers editor's content when the page does not know the caller's token.</summary>
    public const string PlaceholderHeaders = "{\n  \"Authorization\": \"Bearer <paste token>\"\n}";

    /// <summary>
    /// Writes the IDE's page for the GraphQL endpoint at the request's path. The headers editor starts with the
    /// request's own bearer token when it carries one (as behind an authenticating proxy), otherwise with
    /// <see cref="PlaceholderHeaders"/>; headers a user chose to persist in GraphiQL's settings win over both.
    /// </summary>
    /// <param name="httpContext">A browser's GET of the GraphQL endpoint.</param>
    /// <returns>A task completing when the page is written.</returns>
    public static Task ServeAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        var endpoint = (request.PathBase + request.Path).ToUriComponent().TrimEnd('/');
        var styleNonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

        // The default encoder escapes <, > and &, so the JSON cannot end the <script> data block it sits in.
        var config = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["endpoint"] = endpoint.Length == 0 ? "/" : endpoint,
            ["defaultHeaders"] = DefaultHeaders(request),
            ["styleNonce"] = styleNonce,
        });
        var html = GraphiQLAssets.PageTemplate
            .Replace("{{assets}}", HtmlEncoder.Default.Encode(endpoint + "/ide/"), StringComparison.Ordinal)
            .Replace("{{version}}", GraphiQLAssets.Version, StringComparison.Ordinal)
            .Replace("{{config}}", config, StringComparison.Ordinal);

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(styleNonce);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
        return response.WriteAsync(html, httpContext.RequestAborted);
    }

    /// <summary>
    /// Scripts and styles from this origin only; no inline script at all (the page's configuration is a JSON data
    /// block). The nonce admits the one <c>&lt;style&gt;</c> element GraphiQL's dialogs add; fonts and icons are
    /// <c>data:</c> URLs inside GraphiQL's stylesheet. <c>connect-src 'self'</c> covers ws:/wss: to this host.
    /// </summary>
    private static string ContentSecurityPolicy(string styleNonce) =>
        "default-src 'none'; script-src 'self'; "
        + $"style-src 'self' 'nonce-{styleNonce}'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static string DefaultHeaders(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) || authorization.Length == scheme.Length)
        {
            return PlaceholderHeaders;
        }

        var header = JsonSerializer.Serialize(string.Concat(scheme, authorization.AsSpan(scheme.Length).Trim()));
        return $"{{\n  \"Authorization\": {header}\n}}";
    }
}
