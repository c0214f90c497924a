using Npgsql;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;
using Tasks.Projections.Events;
using Tasks.Projections.ReadModels;

namespace Tasks.Projections.Rebuild;

/// <summary>
/// Rebuilds a small read model by replaying its inline projection over the whole log in batches.
/// Used for models with few rows (functions, schedules), where a dedicated bulk path is not worth it.
/// </summary>
public sealed class EventByEventRebuild(string name, string table, string streamType, Func<string, IInlineProjection> projectionInto) : IRebuildableProjection
{
    private const int BatchSize = 1000;

    /// <summary>The function registry.</summary>
    public static EventByEventRebuild Functions { get; } = new("functions", "functions", DomainEventTypes.FunctionStream, t => new FunctionReadModelProjection(t));

    /// <summary>The schedules.</summary>
    public static EventByEventRebuild Schedules { get; } = new("schedules", "schedules", DomainEventTypes.ScheduleStream, t => new ScheduleReadModelProjection(t));

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public IReadOnlyList<string> Tables { get; } = [table];

    /// <inheritdoc />
    public IReadOnlyList<string> StreamTypes { get; } = [streamType];

    /// <inheritdoc />
    public bool NeedsIndexesWhileLoading => true;

    /// <inheritdoc />
    public IInlineProjection IntoRebuildTables() => projectionInto(table + ProjectionRebuilder.Suffix);

    /// <inheritdoc />
    public async Task BulkLoadAsync(IAsyncEnumerable<RecordedEvent> eventsByStream, NpgsqlDataSource dataSource, Action<long> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventsByStream);
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(progress);
        var writer = IntoRebuildTables();
        var pending = new List<PendingEvent>(BatchSize);
        long count = 0;
        await foreach (var e in eventsByStream.WithCancellation(cancellationToken))
        {
            pending.Add(new PendingEvent(e.EventId, e.StreamId, e.StreamType, e.Version, e.Data, e.Metadata));
            if (pending.Count == BatchSize)
            {
                count += await FlushAsync(dataSource, writer, pending, cancellationToken);
                progress(count);
            }
        }

        count += await FlushAsync(dataSource, writer, pending, cancellationToken);
        progress(count);
    }

    private static async Task<int> FlushAsync(NpgsqlDataSource dataSource, IInlineProjection writer, List<PendingEvent> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return 0;
        }

        var statements = new List<NpgsqlBatchCommand>();
        writer.Project(pending, statements);
        await using var batch = dataSource.CreateBatch();
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var flushed = pending.Count;
        pending.Clear();
        return flushed;
    }
}
