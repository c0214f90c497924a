using Tasks.Benchmarks.Results;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>A named benchmark: it creates its own database, measures, checks, and returns one result.</summary>
internal sealed record Scenario(string Name, Func<ScenarioContext, CancellationToken, Task<ScenarioResult>> RunAsync);

/// <summary>
/// Every scenario <c>make bench</c> runs, in this order; <c>make bench BENCH=name</c> runs one.
/// </summary>
internal static class ScenarioRegistry
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new(AppendSingleScenario.Name, AppendSingleScenario.RunAsync),
        new(AppendBulkScenario.Name, AppendBulkScenario.RunAsync),

        new(RebuildScenario.Name, RebuildScenario.RunAsync),
        new(GraphQLInProcessScenarios.ExecName, GraphQLInProcessScenarios.ExecAsync),
        new(GraphQLInProcessScenarios.IntrospectionName, GraphQLInProcessScenarios.IntrospectionAsync),
        new(GraphQLHttpScenario.Name, GraphQLHttpScenario.RunAsync),
        new(ApiCreateScenario.Name, ApiCreateScenario.RunAsync),
        new(ApiQueryScenario.Name, ApiQueryScenario.RunAsync),
        new(DispatchThroughputScenario.Name, DispatchThroughputScenario.RunAsync),
        new(DispatchLatencyScenario.Name, DispatchLatencyScenario.RunAsync),
        new(IngestAmqpScenario.Name, IngestAmqpScenario.RunAsync),
        new(OutboxPublishScenario.Name, OutboxPublishScenario.RunAsync),
    ];

    public static Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
