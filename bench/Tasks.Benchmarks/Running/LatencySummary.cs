using System.Diagnostics;
using System.Globalization;

namespace Tasks.Benchmarks.Running;

/// <summary>Percentiles of per-operation latency over a timed window.</summary>
internal sealed record LatencySummary(int Count, double P50Milliseconds, double P99Milliseconds, double MaxMilliseconds)
{
    /// <summary>Summarizes elapsed <see cref="Stopwatch"/> ticks.</summary>
    public static LatencySummary Of(IReadOnlyList<long> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        var all = ticks.ToArray();
        if (all.Length == 0)
        {
            return new LatencySummary(0, 0, 0, 0);
        }

        Array.Sort(all);
        return new LatencySummary(all.Length, Milliseconds(all[Rank(all.Length, 0.50)]), Milliseconds(all[Rank(all.Length, 0.99)]), Milliseconds(all[^1]));
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50Milliseconds:0.00} ms, p99 {P99Milliseconds:0.00} ms, max {MaxMilliseconds:0.00} ms over {Count:N0} operations");

    // Nearest rank: the smallest value with at least this share of samples at or below it.
    private static int Rank(int count, double share) => Math.Clamp((int)Math.Ceiling(share * count) - 1, 0, count - 1);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
