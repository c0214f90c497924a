using System.Globalization;

namespace Tasks.Benchmarks.Results;

/// <summary>
/// One scenario's figure and the pgbench ceiling measured in the same run on the same database.
/// The ratio is what to compare between runs: absolute numbers move with the machine's noise.
/// </summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Value">The measured throughput.</param>
/// <param name="Unit">The unit of <paramref name="Value"/> (and of <paramref name="Ceiling"/>).</param>
/// <param name="Ceiling">What plain PostgreSQL does on the same job, or null if the scenario has none.</param>
/// <param name="Ratio"><paramref name="Value"/> / <paramref name="Ceiling"/>.</param>
/// <param name="CeilingMethod">How the ceiling was measured.</param>
/// <param name="Notes">Side facts: writers, latency, CPU, the two ceiling samples.</param>
internal sealed record ScenarioResult(string Scenario, double Value, string Unit, double? Ceiling, double? Ratio, string? CeilingMethod, string? Notes)
{
    public static ScenarioResult Against(string scenario, double value, string unit, double ceiling, string ceilingMethod, string notes) =>
        new(scenario, Math.Round(value, 1), unit, Math.Round(ceiling, 1), ceiling > 0 ? Math.Round(value / ceiling, 3) : null, ceilingMethod, notes);

    /// <summary>The one result line a scenario prints.</summary>
    public string Describe() => Ceiling is { } ceiling
        ? string.Create(CultureInfo.InvariantCulture, $"RESULT {Scenario}: {Value:N0} {Unit} | ceiling {ceiling:N0} {Unit} | ratio {Ratio:0.000}")
        : string.Create(CultureInfo.InvariantCulture, $"RESULT {Scenario}: {Value:N0} {Unit}");
}
