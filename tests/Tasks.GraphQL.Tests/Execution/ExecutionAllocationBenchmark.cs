using System.Buffers;
using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using Xunit.Abstractions;

namespace Tasks.GraphQL.Tests.Execution;

/// <summary>
/// A quick measurement of execution cost: time and bytes allocated per request for a typical query over in-memory
/// objects, printed to the test output. Nothing is asserted on the numbers; they are for watching trends.
/// </summary>
public sealed class ExecutionAllocationBenchmark(ITestOutputHelper output)
{
    private const string Sdl = """
        type Tag { name: String! }
        type Task { id: ID! title: String! done: Boolean! priority: Int tags: [Tag!]! }
        type Query { tasks(first: Int): [Task!]! }
        """;

    [Fact]
    public async Task Measure_a_fifty_item_query()
    {
        var tasks = Enumerable.Range(0, 50)
            .Select(i => new TaskItem($"t{i}", $"Task number {i}", i % 2 == 0, i, [new TagItem("home"), new TagItem("urgent")]))
            .ToArray();
        var executor = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "tasks", _ => tasks).Executor(new ExecutionOptions { ExecutionTimeout = Timeout.InfiniteTimeSpan });
        var context = new RequestContext(new ClaimsPrincipal(), new ServiceProviderStub());
        var request = new GraphQLRequest("query Tasks { tasks(first: 50) { id title done priority tags { name } } }");
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var writer = new Utf8JsonWriter(buffer);

        async Task RunOnceAsync()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            var prepared = await executor.PrepareAsync(request, context, default);
            await executor.ExecuteAsync(prepared, context, writer, default);
            await writer.FlushAsync();
        }

        for (var i = 0; i < 200; i++)
        {
            await RunOnceAsync();
        }

        const int Runs = 2_000;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            await RunOnceAsync();
        }

        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        output.WriteLine($"{Runs} runs: {stopwatch.Elapsed.TotalMicroseconds / Runs:0.0} µs and {allocated / Runs:N0} bytes allocated per request; response {buffer.WrittenCount:N0} bytes.");
        Assert.True(buffer.WrittenCount > 0);
    }

    private sealed record TaskItem(string Id, string Title, bool Done, int Priority, TagItem[] Tags);

    private sealed record TagItem(string Name);

    private sealed class ServiceProviderStub : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
