using System.Net;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class HttpMethodTests
{
    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("HEAD")]
    public async Task Other_methods_are_405_with_an_Allow_header_naming_GET_and_POST(string method)
    {
        await using var host = await StartAsync();

        using var response = await host.SendAsync(new HttpMethod(method), "/graphql", Query("{ hello }"), accept: null, contentType: "application/json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET, POST", string.Join(", ", response.Content.Headers.Allow));
        Assert.Empty(host.Executor.Prepared);
    }

    [Fact]
    public async Task With_GET_turned_off_the_Allow_header_names_only_POST()
    {
        await using var host = await StartAsync(options => options.EnableGetForQueries = false);

        using var response = await host.SendAsync(HttpMethod.Put, "/graphql", Query("{ hello }"), accept: null, contentType: "application/json");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(", ", response.Content.Headers.Allow));
    }

    [Fact]
    public async Task A_refused_method_is_explained_in_a_GraphQL_error()
    {
        await using var host = await StartAsync();

        using var response = await host.SendAsync(HttpMethod.Delete, "/graphql", body: null, accept: null, contentType: null);

        var error = await ReadSingleErrorAsync(response);
        Assert.Equal("METHOD_NOT_ALLOWED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("DELETE", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
