using System.Diagnostics;

namespace Tasks.Benchmarks.Running;

/// <summary>What one operation of a writer wrote.</summary>
internal readonly record struct Written(int Tasks, int Events);

/// <summary>
/// Runs concurrent writer loops: an untimed warm-up, then a timed window, then a clean stop. An
/// operation in flight when the stop comes is finished, not abandoned, so every write the loops
/// report is committed and the database can be checked against the totals.
/// </summary>
internal sealed class TimedLoad(int writers, TimeSpan warmUp, TimeSpan measured, CpuSampler cpu)
{
    private long tasks;
    private long events;
    private long operations;
    private int measuring;

    /// <summary>Runs <paramref name="operation"/> (given the writer's index) in every writer until the window closes.</summary>
    public async Task<LoadOutcome> RunAsync(Func<int, Task<Written>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var stop = new CancellationTokenSource();
        var latencies = new List<long>[writers];
        var loops = new Task[writers];
        for (var w = 0; w < writers; w++)
        {
            var writer = w;
            latencies[writer] = new List<long>(capacity: 16_384);
            loops[writer] = Task.Run(() => WriteUntilStoppedAsync(writer, operation, latencies[writer], stop), CancellationToken.None);
        }

        var all = Task.WhenAll(loops);
        CpuSample start = default, end = default;
        long tasksAtStart = 0, eventsAtStart = 0, operationsAtStart = 0;
        long tasksAtEnd = 0, eventsAtEnd = 0, operationsAtEnd = 0;
        try
        {
            // A writer that fails stops the others (see below), so the run ends at once with its exception.
            await Task.WhenAny(all, Task.Delay(warmUp, cancellationToken));
            if (!all.IsCompleted)
            {
                start = cpu.Take();
                (tasksAtStart, eventsAtStart, operationsAtStart) = Totals();
                Volatile.Write(ref measuring, 1);
                await Task.WhenAny(all, Task.Delay(measured, cancellationToken));
                Volatile.Write(ref measuring, 0);
                end = cpu.Take();
                (tasksAtEnd, eventsAtEnd, operationsAtEnd) = Totals();
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        await all;
        cancellationToken.ThrowIfCancellationRequested();
        var elapsed = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp);
        var (totalTasks, totalEvents, totalOperations) = Totals();
        return new LoadOutcome(
            writers,
            tasksAtEnd - tasksAtStart,
            eventsAtEnd - eventsAtStart,
            operationsAtEnd - operationsAtStart,
            elapsed,
            totalTasks,
            totalEvents,
            totalOperations,
            [.. latencies.SelectMany(l => l)],
            end.Since(start));
    }

    private async Task WriteUntilStoppedAsync(int writer, Func<int, Task<Written>> operation, List<long> latencies, CancellationTokenSource stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                var written = await operation(writer);
                var elapsed = Stopwatch.GetTimestamp() - started;
                Interlocked.Add(ref tasks, written.Tasks);
                Interlocked.Add(ref events, written.Events);
                Interlocked.Increment(ref operations);
                if (Volatile.Read(ref measuring) == 1)
                {
                    latencies.Add(elapsed);
                }
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private (long Tasks, long Events, long Operations) Totals() =>
        (Interlocked.Read(ref tasks), Interlocked.Read(ref events), Interlocked.Read(ref operations));
}
