using System.Globalization;

namespace Tasks.Benchmarks.Database;

/// <summary>Rows found after a scenario: every task created must be in the log, the read model and the queue.</summary>
internal sealed record TaskRowCounts(long Events, long Tasks, long Queued)
{
    /// <exception cref="BenchmarkFailedException">The database does not hold exactly what the scenario says it wrote.</exception>
    public void Verify(long expectedTasks, long expectedEvents)
    {
        if (Events != expectedEvents || Tasks != expectedTasks || Queued != expectedTasks)
        {
            throw new BenchmarkFailedException(string.Create(
                CultureInfo.InvariantCulture,
                $"expected {expectedEvents} events, {expectedTasks} tasks and {expectedTasks} queued; found {Events} events, {Tasks} tasks and {Queued} queued"));
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Events:N0} events, {Tasks:N0} tasks, {Queued:N0} queued");
}
