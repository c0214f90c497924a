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

        // EXTENSION POINT: the `rebuild` scenario (target: >= 100,000 events/s) goes here, e.g.
        //     new("rebuild", RebuildScenario.RunAsync),
        // A scenario gets a ScenarioContext: context.CreateDatabaseAsync(connections) gives a fresh
        // tasks_bench with the schema and the store; TaskBatches.WriteAsync seeds tasks quickly;
        // context.MeasureInterleavedAsync alternates a timed load with a pgbench ceiling, and
        // database.Cpu samples client and server CPU; return ScenarioResult.Against(...) (or new
        // ScenarioResult(..., Ceiling: null, ...) when there is no pgbench equivalent) and throw
        // BenchmarkFailedException when the database is not as the scenario expects.
    ];

    public static Scenario? Find(string name) => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
