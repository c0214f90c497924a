using System.Text.RegularExpressions;
using Npgsql;
using Tasks.EventStore.Log;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.Projections.Rebuild;

/// <summary>
/// Rebuilds a read model from the log while the service keeps running: fills new tables from every
/// stream finished before the start, builds their indexes, catches up with the log, then briefly locks
/// the live tables' writers out, applies the last committed events and swaps the new tables in.
/// </summary>
public sealed partial class ProjectionRebuilder(EventStore.EventStore store)
{
    /// <summary>The suffix of the tables a rebuild fills.</summary>
    public const string Suffix = "_rebuild";

    private const int CatchUpBatch = 2000;

    /// <summary>Rebuilds <paramref name="projection"/>; returns the number of events applied.</summary>
    public async Task<long> RebuildAsync(IRebuildableProjection projection, IProgress<RebuildProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(projection);
        void Report(RebuildPhase phase, long applied, long estimated) => progress?.Report(new RebuildProgress(projection.Name, phase, applied, estimated));

        Report(RebuildPhase.Preparing, 0, 0);
        var indexes = new List<IndexDefinition>();
        foreach (var table in projection.Tables)
        {
            indexes.AddRange(await PrepareTableAsync(table, cancellationToken));
        }

        // Every transaction below the bound has finished: the bulk phase reads exactly those, the catch-up the rest.
        var bound = await store.FinishedTransactionBoundAsync(cancellationToken);
        var estimated = await EstimateEventsAsync(cancellationToken);
        long applied = 0;
        if (projection.NeedsIndexesWhileLoading)
        {
            await CreateIndexesAsync(indexes, cancellationToken);
        }

        Report(RebuildPhase.BulkLoading, 0, estimated);
        await projection.BulkLoadAsync(
            store.ReadStreamsBeforeAsync([.. projection.StreamTypes], bound, cancellationToken),
            store.DataSource,
            count =>
            {
                applied = count;
                Report(RebuildPhase.BulkLoading, count, estimated);
            },
            cancellationToken);

        if (!projection.NeedsIndexesWhileLoading)
        {
            Report(RebuildPhase.Indexing, applied, estimated);
            await CreateIndexesAsync(indexes, cancellationToken);
        }

        var writer = projection.IntoRebuildTables();
        var streamTypes = projection.StreamTypes.ToHashSet(StringComparer.Ordinal);
        var position = bound == 0 ? LogPosition.Start : new LogPosition(bound - 1, long.MaxValue);
        while (true)
        {
            var events = await store.ReadLogAsync(position, CatchUpBatch, cancellationToken);
            if (events.Count > 0)
            {
                applied += await ApplyAsync(writer, events, streamTypes, null, null, cancellationToken);
                position = events[^1].Position;
                Report(RebuildPhase.CatchingUp, applied, estimated);
            }

            if (events.Count < CatchUpBatch)
            {
                break;
            }
        }

        Report(RebuildPhase.Swapping, applied, estimated);
        applied += await SwapAsync(projection, writer, streamTypes, indexes, position, cancellationToken);
        Report(RebuildPhase.Done, applied, estimated);
        return applied;
    }

    private async Task<long> SwapAsync(IRebuildableProjection projection, IInlineProjection writer, HashSet<string> streamTypes, List<IndexDefinition> indexes, LogPosition position, CancellationToken cancellationToken)
    {
        await using var connection = await store.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Writers of the live tables wait here; once they proceed, their statements find the new tables by name.
        await using (var lockTables = new NpgsqlCommand($"LOCK TABLE {string.Join(", ", projection.Tables)} IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await lockTables.ExecuteNonQueryAsync(cancellationToken);
        }

        // With writers locked out, everything committed is everything the live tables reflect.
        var last = await store.ReadCommittedAfterAsync(connection, transaction, position, cancellationToken);
        var applied = await ApplyAsync(writer, last, streamTypes, connection, transaction, cancellationToken);
        var statements = new List<string>();
        foreach (var table in projection.Tables)
        {
            statements.Add($"DROP TABLE {table}");
            statements.Add($"ALTER TABLE {table}{Suffix} RENAME TO {table}");
        }

        statements.AddRange(indexes.Select(i => i.RenameAfterSwap));
        foreach (var statement in statements)
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    private async Task<long> ApplyAsync(IInlineProjection writer, IReadOnlyList<RecordedEvent> events, HashSet<string> streamTypes, NpgsqlConnection? connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var pending = events
            .Where(e => streamTypes.Contains(e.StreamType))
            .Select(e => new PendingEvent(e.EventId, e.StreamId, e.StreamType, e.Version, e.Data, e.Metadata))
            .ToList();
        if (pending.Count == 0)
        {
            return 0;
        }

        var statements = new List<NpgsqlBatchCommand>();
        writer.Project(pending, statements);
        await using var own = connection is null ? await store.DataSource.OpenConnectionAsync(cancellationToken) : null;
        await using var batch = new NpgsqlBatch(connection ?? own, transaction);
        foreach (var statement in statements)
        {
            batch.BatchCommands.Add(statement);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        return pending.Count;
    }

    private async Task<List<IndexDefinition>> PrepareTableAsync(string table, CancellationToken cancellationToken)
    {
        // Indexes are built after the bulk load (much faster than maintaining them row by row), then renamed at the swap.
        await ExecuteAsync($"DROP TABLE IF EXISTS {table}{Suffix}", cancellationToken);
        await ExecuteAsync($"CREATE TABLE {table}{Suffix} (LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED)", cancellationToken);
        var definitions = new List<IndexDefinition>();
        await using var command = store.DataSource.CreateCommand(
            """
            SELECT i.indexname, i.indexdef, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_indexes i
            LEFT JOIN pg_constraint c ON c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass AND c.contype IN ('p', 'u')
            WHERE i.schemaname = current_schema() AND i.tablename = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = table });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            var rebuildName = RebuildName(name);
            if (!reader.IsDBNull(2))
            {
                definitions.Add(new IndexDefinition(
                    $"ALTER TABLE {table}{Suffix} ADD CONSTRAINT {rebuildName} {reader.GetString(3)}",
                    $"ALTER TABLE {table} RENAME CONSTRAINT {rebuildName} TO {name}"));
            }
            else
            {
                var match = IndexStatement().Match(reader.GetString(1));
                if (!match.Success)
                {
                    throw new InvalidOperationException($"cannot read the definition of index {name}");
                }

                definitions.Add(new IndexDefinition(
                    $"{match.Groups["create"].Value} {rebuildName} ON {table}{Suffix} {match.Groups["rest"].Value}",
                    $"ALTER INDEX {rebuildName} RENAME TO {name}"));
            }
        }

        return definitions;
    }

    private async Task CreateIndexesAsync(List<IndexDefinition> indexes, CancellationToken cancellationToken)
    {
        foreach (var index in indexes)
        {
            await ExecuteAsync(index.CreateOnRebuild, cancellationToken);
        }
    }

    private static string RebuildName(string name) => name.Length + Suffix.Length <= 63 ? name + Suffix : name[..(63 - Suffix.Length)] + Suffix;

    private async Task<long> EstimateEventsAsync(CancellationToken cancellationToken)
    {
        // Statistics, not a count: counting the whole log costs as much as reading it.
        await using var command = store.DataSource.CreateCommand("SELECT greatest(reltuples, 0)::bigint FROM pg_class WHERE oid = 'events'::regclass");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = store.DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex(@"^(?<create>CREATE (UNIQUE )?INDEX) \S+ ON \S+ (?<rest>USING .*)$")]
    private static partial Regex IndexStatement();

    private sealed record IndexDefinition(string CreateOnRebuild, string RenameAfterSwap);
}
