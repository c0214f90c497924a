using Microsoft.Extensions.DependencyInjection;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>How a host makes the engine available to the transports.</summary>
public sealed class EngineRegistrationSpecs
{
    [Fact]
    public async Task The_engine_registers_as_the_single_request_executor_of_the_application()
    {
        var schema = SchemaBuilder.FromSdl("type Query { hello: String }").Resolve("Query", "hello", _ => "world").Build();
        using var services = new ServiceCollection().AddLogging().AddGraphQLExecutor(schema, new ExecutionOptions { MaxDepth = 5 }).BuildServiceProvider();

        var executor = Assert.IsType<RequestExecutor>(services.GetRequiredService<IRequestExecutor>());

        Assert.Same(executor, services.GetRequiredService<IRequestExecutor>());
        Assert.Equal(5, executor.Options.MaxDepth);
        Assert.Equal("world", (string?)(await executor.RunAsync("{ hello }"))["data"]!["hello"]);
    }
}
