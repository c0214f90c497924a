using System.Diagnostics;
using System.Globalization;

namespace Tasks.Benchmarks.Running;

/// <summary>
/// CPU time at one instant: this process's, its exited children's (pgbench), the PostgreSQL
/// server's, and the whole machine's. The difference of two samples tells who used the cores
/// during a window; per-operation CPU costs stay comparable even when other work on the machine
/// makes throughput swing.
/// </summary>
internal readonly record struct CpuSample(long Timestamp, TimeSpan ProcessCpu, TimeSpan ChildrenCpu, TimeSpan? ServerCpu, long MachineBusy, long MachineTotal)
{
    /// <summary>Cores used on average between <paramref name="earlier"/> and this sample.</summary>
    public CpuUsage Since(CpuSample earlier)
    {
        var wall = Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);
        if (wall <= TimeSpan.Zero)
        {
            return default;
        }

        var machineTotal = MachineTotal - earlier.MachineTotal;
        return new CpuUsage(
            (ProcessCpu - earlier.ProcessCpu) / wall,
            (ChildrenCpu - earlier.ChildrenCpu) / wall,
            ServerCpu is { } server && earlier.ServerCpu is { } before ? (server - before) / wall : null,
            machineTotal > 0 ? (double)(MachineBusy - earlier.MachineBusy) / machineTotal * Environment.ProcessorCount : null);
    }
}

/// <summary>Average cores busy over a window; the server and machine figures are null when they cannot be read (not Linux, or a remote server).</summary>
/// <param name="ClientCores">This process (the store's client side).</param>
/// <param name="ChildCores">This process's children that exited in the window (pgbench).</param>
/// <param name="ServerCores">The PostgreSQL server's processes, background ones included.</param>
/// <param name="MachineCores">Everything on the machine, other people's work included.</param>
internal readonly record struct CpuUsage(double ClientCores, double ChildCores, double? ServerCores, double? MachineCores)
{
    /// <summary>The mean of windows of equal length.</summary>
    public static CpuUsage Average(IReadOnlyList<CpuUsage> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return windows.Count == 0
            ? default
            : new CpuUsage(
                windows.Average(w => w.ClientCores),
                windows.Average(w => w.ChildCores),
                windows.All(w => w.ServerCores.HasValue) ? windows.Average(w => w.ServerCores!.Value) : null,
                windows.All(w => w.MachineCores.HasValue) ? windows.Average(w => w.MachineCores!.Value) : null);
    }

    /// <summary>CPU microseconds per unit of work, given the rate of units per second.</summary>
    public static double MicrosecondsPer(double cores, double unitsPerSecond) => unitsPerSecond > 0 ? cores * 1_000_000 / unitsPerSecond : 0;

    /// <summary>Where the CPU went, per unit of work as well as in cores.</summary>
    public string Describe(double unitsPerSecond, string unit)
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"client {ClientCores:0.00} cores ({MicrosecondsPer(ClientCores, unitsPerSecond):0} µs/{unit})"),
        };
        if (ChildCores > 0.005)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"pgbench {ChildCores:0.00} cores ({MicrosecondsPer(ChildCores, unitsPerSecond):0} µs/{unit})"));
        }

        if (ServerCores is { } server)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"server {server:0.00} cores ({MicrosecondsPer(server, unitsPerSecond):0} µs/{unit})"));
        }

        if (MachineCores is { } machine)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"machine {machine:0.00} of {Environment.ProcessorCount} cores busy"));
        }

        return string.Join(", ", parts);
    }
}
