using Npgsql;
using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.Projections.Rebuild;

/// <summary>A read model that can be rebuilt from the log into fresh tables while the service runs.</summary>
public interface IRebuildableProjection
{
    /// <summary>The projection's name, for people and progress reports.</summary>
    string Name { get; }

    /// <summary>The live tables it owns; a rebuild fills a copy of each, named with <see cref="ProjectionRebuilder.Suffix"/>.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>The kinds of stream it reads.</summary>
    IReadOnlyList<string> StreamTypes { get; }

    /// <summary>Whether the bulk load needs the tables' indexes (it upserts); otherwise they are built after it, which is faster.</summary>
    bool NeedsIndexesWhileLoading { get; }

    /// <summary>The projection writing into the rebuild's tables, one event at a time (for catching up).</summary>
    IInlineProjection IntoRebuildTables();

    /// <summary>Loads the rebuild's tables from whole streams, each in version order; reports events consumed.</summary>
    Task BulkLoadAsync(IAsyncEnumerable<RecordedEvent> eventsByStream, NpgsqlDataSource dataSource, Action<long> progress, CancellationToken cancellationToken);
}
