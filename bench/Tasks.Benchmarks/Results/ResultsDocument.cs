namespace Tasks.Benchmarks.Results;

/// <summary>The contents of <c>bench/results/latest.json</c>.</summary>
/// <param name="Results">One entry per scenario run.</param>
/// <param name="GeneratedAt">When the run finished.</param>
/// <param name="Environment">What the figures were measured on.</param>
internal sealed record ResultsDocument(IReadOnlyList<ScenarioResult> Results, DateTimeOffset GeneratedAt, RunEnvironment Environment);

/// <summary>The machine, server and settings of a run.</summary>
/// <param name="ProcessorCount">Cores the client saw (PostgreSQL shares them).</param>
/// <param name="ServerVersion">PostgreSQL's version.</param>
/// <param name="Fsync">The server's fsync setting (must be on).</param>
/// <param name="SynchronousCommit">The server's synchronous_commit setting (must be on).</param>
/// <param name="ExtraConnectionSettings">BENCH_NPGSQL, if an experiment set it.</param>
/// <param name="WarmUpSeconds">Untimed seconds before each measurement.</param>
/// <param name="MeasuredSeconds">Timed seconds of each measurement (the ceiling gets the same in total).</param>
internal sealed record RunEnvironment(
    int ProcessorCount,
    string ServerVersion,
    string Fsync,
    string SynchronousCommit,
    string? ExtraConnectionSettings,
    int WarmUpSeconds,
    int MeasuredSeconds);
