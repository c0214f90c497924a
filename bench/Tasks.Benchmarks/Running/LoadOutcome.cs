using System.Globalization;

namespace Tasks.Benchmarks.Running;

/// <summary>What one or more <see cref="TimedLoad"/> runs did: in their timed windows (the rate) and in all (what the database must hold).</summary>
/// <param name="Writers">Concurrent writer loops.</param>
/// <param name="MeasuredTasks">Tasks committed inside the timed windows.</param>
/// <param name="MeasuredEvents">Events committed inside the timed windows.</param>
/// <param name="MeasuredOperations">Commits inside the timed windows.</param>
/// <param name="MeasuredElapsed">The timed windows' total length.</param>
/// <param name="TotalTasks">Tasks committed in all, warm-ups included.</param>
/// <param name="TotalEvents">Events committed in all.</param>
/// <param name="TotalOperations">Commits in all.</param>
/// <param name="LatencyTicks">Each timed commit's latency in <see cref="System.Diagnostics.Stopwatch"/> ticks.</param>
/// <param name="Cpu">Cores busy during the timed windows.</param>
internal sealed record LoadOutcome(
    int Writers,
    long MeasuredTasks,
    long MeasuredEvents,
    long MeasuredOperations,
    TimeSpan MeasuredElapsed,
    long TotalTasks,
    long TotalEvents,
    long TotalOperations,
    IReadOnlyList<long> LatencyTicks,
    CpuUsage Cpu)
{
    public double TasksPerSecond => MeasuredElapsed > TimeSpan.Zero ? MeasuredTasks / MeasuredElapsed.TotalSeconds : 0;

    public double EventsPerSecond => MeasuredElapsed > TimeSpan.Zero ? MeasuredEvents / MeasuredElapsed.TotalSeconds : 0;

    public LatencySummary Latency => LatencySummary.Of(LatencyTicks);

    /// <summary>Several runs (rounds) as one: sums, and CPU weighted by each run's length.</summary>
    public static LoadOutcome Combine(IReadOnlyList<LoadOutcome> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("nothing to combine", nameof(runs));
        }

        var elapsed = TimeSpan.Zero;
        long measuredTasks = 0, measuredEvents = 0, measuredOperations = 0, totalTasks = 0, totalEvents = 0, totalOperations = 0;
        double clientCoreSeconds = 0, serverCoreSeconds = 0, machineCoreSeconds = 0;
        bool serverKnown = true, machineKnown = true;
        var latencies = new List<long>();
        foreach (var run in runs)
        {
            elapsed += run.MeasuredElapsed;
            measuredTasks += run.MeasuredTasks;
            measuredEvents += run.MeasuredEvents;
            measuredOperations += run.MeasuredOperations;
            totalTasks += run.TotalTasks;
            totalEvents += run.TotalEvents;
            totalOperations += run.TotalOperations;
            clientCoreSeconds += run.Cpu.ClientCores * run.MeasuredElapsed.TotalSeconds;
            serverCoreSeconds += (run.Cpu.ServerCores ?? 0) * run.MeasuredElapsed.TotalSeconds;
            serverKnown &= run.Cpu.ServerCores.HasValue;
            machineCoreSeconds += (run.Cpu.MachineCores ?? 0) * run.MeasuredElapsed.TotalSeconds;
            machineKnown &= run.Cpu.MachineCores.HasValue;
            latencies.AddRange(run.LatencyTicks);
        }

        var seconds = Math.Max(elapsed.TotalSeconds, double.Epsilon);
        return new LoadOutcome(
            runs[0].Writers,
            measuredTasks,
            measuredEvents,
            measuredOperations,
            elapsed,
            totalTasks,
            totalEvents,
            totalOperations,
            latencies,
            new CpuUsage(clientCoreSeconds / seconds, 0, serverKnown ? serverCoreSeconds / seconds : null, machineKnown ? machineCoreSeconds / seconds : null));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{MeasuredTasks:N0} tasks ({MeasuredEvents:N0} events, {MeasuredOperations:N0} commits) in {MeasuredElapsed.TotalSeconds:0.00} s by {Writers} writers = {TasksPerSecond:N0} tasks/s, {EventsPerSecond:N0} events/s; {TotalTasks:N0} tasks with warm-ups");
}
