using System.Net;
using Microsoft.Extensions.Logging;
using static Tasks.GraphQL.Tests.Transport.Support.GraphQLTestHost;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class ErrorHandlingTests
{
    [Theory]
    [InlineData("{ boom }")]
    [InlineData("{ prepareBoom }")]
    public async Task An_engine_failure_is_500_with_a_generic_error_and_a_correlation_id_that_is_logged(string query)
    {
        await using var host = await StartAsync();

        using var response = await host.PostAsync(Query(query), GraphQLResponseJson);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/graphql-response+json; charset=utf-8", ContentType(response));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        var error = await ReadSingleErrorAsync(response);
        Assert.Equal("Internal server error.", error.GetProperty("message").GetString());
        var extensions = error.GetProperty("extensions");
        Assert.Equal("INTERNAL_SERVER_ERROR", extensions.GetProperty("code").GetString());
        var correlationId = extensions.GetProperty("correlationId").GetString()!;
        var logged = Assert.Single(host.Logs.Entries, entry => entry.Message.Contains(correlationId, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.Contains("hunter2", logged.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_failure_gets_its_own_correlation_id()
    {
        await using var host = await StartAsync();

        using var first = await host.PostAsync(Query("{ boom }"));
        using var second = await host.PostAsync(Query("{ boom }"));

        var firstId = (await ReadSingleErrorAsync(first)).GetProperty("extensions").GetProperty("correlationId").GetString();
        var secondId = (await ReadSingleErrorAsync(second)).GetProperty("extensions").GetProperty("correlationId").GetString();
        Assert.NotEqual(firstId, secondId);
    }
}
