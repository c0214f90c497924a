using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Tasks.Api.Tests.Mutations;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Authorization;

[Collection(ApiHostGroup.Name)]
public sealed class AuthenticationTests(ApiHost api)
{
    private const string Viewer = "{ viewer { userId applicationId permissions } }";

    [Fact]
    public async Task A_request_without_an_authorization_header_is_401_with_a_bearer_challenge_and_an_unauthenticated_error()
    {
        using var client = api.Client(null);

        using var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = Viewer });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString());
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var error = Assert.Single(body.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(body.RootElement.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused_before_its_body_is_parsed()
    {
        using var client = api.Client(null);
        using var content = new StringContent("{ this is not json", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("UNAUTHENTICATED", body.RootElement.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_query_over_GET_without_a_token_is_401_even_when_a_browser_asks_for_html()
    {
        using var client = api.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql?query=" + Uri.EscapeDataString(Viewer), UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    public static TheoryData<string> InvalidTokens => new()
    {
        "signed with another key",
        "expired an hour ago",
        "for another audience",
        "from another issuer",
        "without an expiry",
        "not yet valid",
        "not a JWT",
    };

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task An_invalid_bearer_token_is_401_with_an_invalid_token_challenge(string why)
    {
        var token = why switch
        {
            "signed with another key" => TestTokens.Mint(signingKey: "another-signing-key-that-is-long-enough-for-hs256"),
            "expired an hour ago" => TestTokens.Mint(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1)),
            "for another audience" => TestTokens.Mint(audience: "another-api"),
            "from another issuer" => TestTokens.Mint(issuer: "someone-else"),
            "without an expiry" => TestTokens.Mint(withExpiry: false),
            "not yet valid" => TestTokens.Mint(notBefore: DateTime.UtcNow.AddHours(1), expires: DateTime.UtcNow.AddHours(2)),
            _ => "not.a.jwt",
        };

        var response = await SendAsync(new AuthenticationHeaderValue("Bearer", token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.StartsWith("Bearer", response.Challenge, StringComparison.Ordinal);
        Assert.Contains("invalid_token", response.Challenge, StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", Payloads.Code(Assert.Single(response.Body.GetProperty("errors").EnumerateArray())));
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_a_message_saying_it_expired()
    {
        var response = await SendAsync(new AuthenticationHeaderValue("Bearer", TestTokens.Mint(notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1))));

        Assert.Equal("The bearer token has expired.", response.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_token_with_a_bad_signature_is_refused_with_a_message_saying_it_is_not_valid()
    {
        var response = await SendAsync(new AuthenticationHeaderValue("Bearer", TestTokens.Mint(signingKey: "another-signing-key-that-is-long-enough-for-hs256")));

        Assert.Equal("The bearer token is not valid.", response.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_header_without_a_bearer_token_is_refused_with_a_message_saying_so()
    {
        var response = await SendAsync(new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNzd29yZA=="));

        Assert.Equal("The Authorization header does not hold a bearer token.", response.Body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("Basic", "dXNlcjpwYXNzd29yZA==")]
    [InlineData("Token", "abc")]
    [InlineData("Bearer", null)]
    public async Task A_malformed_authorization_header_is_401(string scheme, string? parameter)
    {
        var response = await SendAsync(new AuthenticationHeaderValue(scheme, parameter));

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.StartsWith("Bearer", response.Challenge, StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", Payloads.Code(response.Body.GetProperty("errors")[0]));
    }

    [Fact]
    public async Task A_valid_token_is_accepted_and_the_viewer_is_who_the_token_names()
    {
        var response = await api.PostAsync(api.Token(["VIEW_TASKS", "CREATE_TASKS"], user: "dora", application: "crm"), Viewer);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("dora", response.At("viewer.userId").GetString());
        Assert.Equal("crm", response.At("viewer.applicationId").GetString());
        Assert.Equal(["CREATE_TASKS", "VIEW_TASKS"], response.At("viewer.permissions").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task The_browser_ide_is_served_without_a_token()
    {
        using var client = api.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/graphql", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_schema_file_is_served_without_a_token_byte_for_byte_as_checked_in()
    {
        using var client = api.Client(null);

        using var response = await client.GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var served = await response.Content.ReadAsByteArrayAsync();
        var checkedIn = await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot(), "src", "Tasks.Api", "schema.graphql"));
        Assert.Equal(checkedIn.Length, served.Length);
        Assert.True(checkedIn.AsSpan().SequenceEqual(served), "the served schema differs from src/Tasks.Api/schema.graphql");
    }

    private async Task<(HttpStatusCode Status, string Challenge, JsonElement Body)> SendAsync(AuthenticationHeaderValue authorization)
    {
        using var client = api.Client(null);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/graphql", UriKind.Relative)) { Content = JsonContent.Create(new { query = Viewer }) };
        request.Headers.Authorization = authorization;
        using var response = await client.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString())), body.RootElement.Clone());
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tasks.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tasks.sln was not found above " + AppContext.BaseDirectory);
    }
}
