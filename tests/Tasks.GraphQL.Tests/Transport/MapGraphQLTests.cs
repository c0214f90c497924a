using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Transport.Support;
using Tasks.GraphQL.Transport;

namespace Tasks.GraphQL.Tests.Transport;

public sealed class MapGraphQLTests
{
    [Fact]
    public async Task Mapping_without_a_registered_executor_fails_at_startup_not_on_the_first_request()
    {
        await using var app = CreateApp(registerExecutor: false);

        var failure = Assert.Throws<InvalidOperationException>(() => app.MapGraphQL());

        Assert.Contains(nameof(IRequestExecutor), failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, 16, 10)]
    [InlineData(1024L, 0, 10)]
    [InlineData(1024L, 16, -1)]
    public async Task Options_out_of_range_fail_at_startup(long maxRequestBytes, int maxBatchSize, int initTimeoutSeconds)
    {
        await using var app = CreateApp();

        Assert.Throws<InvalidOperationException>(() => app.MapGraphQL(configure: options =>
        {
            options.MaxRequestBytes = maxRequestBytes;
            options.MaxBatchSize = maxBatchSize;
            options.ConnectionInitTimeout = TimeSpan.FromSeconds(initTimeoutSeconds);
        }));
    }

    [Fact]
    public async Task The_endpoint_is_served_at_the_pattern_given()
    {
        await using var app = CreateApp();
        app.MapGraphQL("/api/graph");
        await app.StartAsync();
        using var client = app.GetTestServer().CreateClient();

        using var atPattern = await client.GetAsync("/api/graph?query=%7B%20hello%20%7D");
        using var atDefault = await client.GetAsync("/graphql?query=%7B%20hello%20%7D");

        Assert.Equal(HttpStatusCode.OK, atPattern.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, atDefault.StatusCode);
    }

    [Fact]
    public void The_defaults_are_those_documented()
    {
        var options = new GraphQLHttpOptions();

        Assert.False(options.EnableBatching);
        Assert.Equal(1024 * 1024, options.MaxRequestBytes);
        Assert.True(options.EnableGetForQueries);
        Assert.True(options.EnableWebSockets);
        Assert.True(options.EnableServerSentEvents);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectionInitTimeout);
        Assert.Equal(TimeSpan.FromSeconds(12), options.KeepAliveInterval);
        Assert.Null(options.ServeIdePage);
        Assert.Null(options.OnConnectAsync);
    }

    private static WebApplication CreateApp(bool registerExecutor = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (registerExecutor)
        {
            builder.Services.AddSingleton<IRequestExecutor>(new FakeRequestExecutor());
        }

        return builder.Build();
    }
}
