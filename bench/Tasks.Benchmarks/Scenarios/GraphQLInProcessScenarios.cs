using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Tasks.Benchmarks.Results;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Introspection;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// The engine in-process, per request, in microseconds: <c>graphql-exec</c> (a three-field query) and
/// <c>graphql-introspection</c> (the full introspection query tools send). The request goes the service's
/// way: prepare (document cache, validation, operation, variables) then execute, writing UTF-8 JSON.
/// Ceiling: the same request with its document parsed and validated afresh every time (no cache), measured
/// in the same run; so the ratio shows what the cache saves, and the figure sits beside its targets.
/// </summary>
internal static class GraphQLInProcessScenarios
{
    public const string ExecName = "graphql-exec";
    public const string IntrospectionName = "graphql-introspection";

    public static Task<ScenarioResult> ExecAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        MeasureAsync(context, ExecName, GraphQLFixture.ThreeFieldQuery, target: 10, cancellationToken);

    public static Task<ScenarioResult> IntrospectionAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        MeasureAsync(context, IntrospectionName, IntrospectionQuery.Text, target: 250, cancellationToken);

    private static async Task<ScenarioResult> MeasureAsync(ScenarioContext context, string name, string query, double target, CancellationToken cancellationToken)
    {
        var executor = GraphQLFixture.CreateExecutor();
        var request = new GraphQLRequest(query);
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        await GraphQLFixture.RunAsync(executor, request, buffer, writer);
        var response = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (response.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new BenchmarkFailedException($"{name}: the response has errors: {response[..Math.Min(300, response.Length)]}");
        }

        var cached = new List<double>();
        var fresh = new List<double>();
        var budget = TimeSpan.FromSeconds(Math.Max(2, context.Settings.Measured.TotalSeconds / context.Settings.Rounds));
        for (var round = 0; round < context.Settings.Rounds; round++)
        {
            cached.Add(await TimePerOperationAsync(() => GraphQLFixture.RunAsync(executor, request, buffer, writer), budget, cancellationToken));
            fresh.Add(await TimePerOperationAsync(() => RunUncachedAsync(executor, query, buffer, writer), budget, cancellationToken));
        }

        var allocated = MeasureAllocation(() => GraphQLFixture.RunAsync(executor, request, buffer, writer).AsTask().GetAwaiter().GetResult());
        var value = Median(cached);
        var ceiling = Median(fresh);
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  cached: {string.Join(" ", cached.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)))} µs | uncached: {string.Join(" ", fresh.Select(c => c.ToString("0.00", CultureInfo.InvariantCulture)))} µs | {allocated:N0} bytes allocated per request; response {buffer.WrittenCount:N0} bytes"));
        return new ScenarioResult(
            name,
            Math.Round(value, 2),
            "µs",
            Math.Round(ceiling, 2),
            Math.Round(value / ceiling, 3),
            "the same request with no document cache: parse + validate + execute every time, same run, same thread",
            string.Create(CultureInfo.InvariantCulture, $"median of {cached.Count} rounds of {budget.TotalSeconds:0} s each, one thread, prepare + execute to a UTF-8 buffer; target <= {target} µs; {allocated:N0} bytes allocated per request; lower is better, so ratio < 1 means the cache pays"));
    }

    private static async Task<double> TimePerOperationAsync(Func<ValueTask> operation, TimeSpan budget, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200; i++)
        {
            await operation();
        }

        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < budget)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < 100; i++)
            {
                await operation();
            }

            count += 100;
        }

        return clock.Elapsed.TotalMicroseconds / count;
    }

    private static async ValueTask RunUncachedAsync(RequestExecutor executor, string query, ArrayBufferWriter<byte> buffer, Utf8JsonWriter writer)
    {
        // A query text the cache has never seen: the executor parses and validates it, then runs it.
        await GraphQLFixture.RunAsync(executor, new GraphQLRequest(query + "\n#" + Guid.NewGuid().ToString("N")), buffer, writer);
    }

    private static long MeasureAllocation(Action operation)
    {
        operation();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            operation();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
