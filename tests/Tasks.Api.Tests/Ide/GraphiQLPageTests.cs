using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Tasks.Api.Ide;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.Api.Tests.Ide;

/// <summary>GraphiQL at the GraphQL endpoint, on a minimal host that maps only the endpoint, the page and its assets.</summary>
public sealed partial class GraphiQLPageTests
{
    [Fact]
    public async Task A_browser_gets_the_page_with_same_origin_assets_only_and_a_strict_policy()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        using var response = await GetPageAsync(client, "/graphql");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var assets = AssetUrls(html);
        Assert.Contains("/graphql/ide/graphiql.min.js", assets.Select(WithoutQuery));
        Assert.Contains("/graphql/ide/graphiql.min.css", assets.Select(WithoutQuery));
        Assert.All(assets, url => Assert.StartsWith("/graphql/ide/", url, StringComparison.Ordinal));
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        // No inline script: the one <script> without src is a JSON data block, which browsers never run.
        Assert.Equal(["application/json"], ScriptTag().Matches(html).Where(tag => !tag.Value.Contains(" src=", StringComparison.Ordinal))
            .Select(tag => TypeAttribute().Match(tag.Value).Groups["type"].Value));

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("default-src 'none'", directives["default-src"]);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.Matches("^style-src 'self' 'nonce-[A-Za-z0-9+/=]+'$", directives["style-src"]);
        Assert.Equal("connect-src 'self'", directives["connect-src"]);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("://", policy, StringComparison.Ordinal);
        Assert.Contains($"'nonce-{Config(html).GetProperty("styleNonce").GetString()}'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_asset_the_page_references_is_served_with_its_content_type()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var page = await GetPageAsync(client, "/graphql");
        var assets = AssetUrls(await page.Content.ReadAsStringAsync());

        Assert.Equal(6, assets.Count); // GraphiQL's script and stylesheet, React, ReactDOM, the page's own script and stylesheet
        foreach (var url in assets)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(WithoutQuery(url).EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(body);
            Assert.NotNull(response.Headers.ETag);
            Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl?.MaxAge);
            Assert.Contains(response.Headers.CacheControl!.Extensions, e => e.Name == "immutable");
        }
    }

    [Fact]
    public async Task An_asset_whose_etag_the_browser_holds_is_not_sent_again()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var first = await client.GetAsync(new Uri("/graphql/ide/graphiql.min.js", UriKind.Relative));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql/ide/graphiql.min.js", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(first.Headers.ETag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/graphql/ide/unknown.js")]
    [InlineData("/graphql/ide/index.html")]
    [InlineData("/graphql/ide/graphiql.min.js.map")]
    public async Task An_unknown_asset_is_not_found(string path)
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_headers_editor_asks_for_a_token_unless_the_request_carries_one()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        using var anonymous = await GetPageAsync(client, "/graphql");
        using var withToken = await GetPageAsync(client, "/graphql", new AuthenticationHeaderValue("Bearer", "eyJ.abc.def"));

        Assert.Equal(GraphiQLPage.PlaceholderHeaders, Config(await anonymous.Content.ReadAsStringAsync()).GetProperty("defaultHeaders").GetString());
        using var headers = JsonDocument.Parse(Config(await withToken.Content.ReadAsStringAsync()).GetProperty("defaultHeaders").GetString()!);
        Assert.Equal("Bearer eyJ.abc.def", headers.RootElement.GetProperty("Authorization").GetString());
    }

    [Fact]
    public async Task Under_a_path_base_the_page_points_at_its_own_endpoint_and_assets()
    {
        await using var app = await StartAsync(pathBase: "/tasks");
        using var client = app.GetTestClient();

        using var page = await GetPageAsync(client, "/tasks/graphql");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal("/tasks/graphql", Config(html).GetProperty("endpoint").GetString());
        var assets = AssetUrls(html);
        Assert.NotEmpty(assets);
        foreach (var url in assets)
        {
            Assert.StartsWith("/tasks/graphql/ide/", url, StringComparison.Ordinal);
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    private static async Task<WebApplication> StartAsync(string? pathBase = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGraphQLExecutor(SchemaBuilder.FromSdl("type Query { ok: Boolean }").Build());
        var app = builder.Build();
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
            app.UseRouting();
        }

        app.MapGraphQL("/graphql", options => options.ServeIdePage = GraphiQLPage.ServeAsync);
        app.MapGraphiQLAssets();
        await app.StartAsync();
        return app;
    }

    private static Task<HttpResponseMessage> GetPageAsync(HttpClient client, string path, AuthenticationHeaderValue? authorization = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.Authorization = authorization;
        return client.SendAsync(request);
    }

    /// <summary>The src of every script and the href of every link, HTML-decoded.</summary>
    private static List<string> AssetUrls(string html) =>
        [.. AssetReference().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Where(url => !url.StartsWith("data:", StringComparison.Ordinal))];

    private static JsonElement Config(string html)
    {
        using var document = JsonDocument.Parse(ConfigBlock().Match(html).Groups["json"].Value);
        return document.RootElement.Clone();
    }

    private static string WithoutQuery(string url) => url.Split('?')[0];

    [GeneratedRegex("""<(?:script|link)\b[^>]*?\b(?:src|href)="(?<url>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AssetReference();

    [GeneratedRegex("<script\\b[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("""\btype="(?<type>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex TypeAttribute();

    [GeneratedRegex("""<script id="graphiql-config" type="application/json">(?<json>.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex ConfigBlock();
}
