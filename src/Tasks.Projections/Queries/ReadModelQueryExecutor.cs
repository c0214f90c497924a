using Npgsql;

namespace Tasks.Projections.Queries;

/// <summary>Runs compiled read-model queries on PostgreSQL and returns pages.</summary>
/// <param name="dataSource">Where the read-model tables live.</param>
public sealed class ReadModelQueryExecutor(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Compiles and runs one page query (and its count query, in the same round trip, when asked).
    /// </summary>
    /// <typeparam name="T">What a row becomes.</typeparam>
    /// <param name="model">The read model queried.</param>
    /// <param name="query">The filter, sort and page request.</param>
    /// <param name="columns">The columns <paramref name="map"/> reads; they are at ordinals 0.. in this order.</param>
    /// <param name="map">Makes a <typeparamref name="T"/> of the row the reader is on.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="QueryValidationException">The query is not valid for the model.</exception>
    public async Task<Page<T>> ExecuteAsync<T>(
        ReadModelDescription model,
        ReadModelQuery query,
        IReadOnlyList<string> columns,
        Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        var compiled = ReadModelQueryCompiler.Compile(model, query, columns);
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(compiled.Query.ToBatchCommand());
        if (compiled.CountQuery is { } count)
        {
            batch.BatchCommands.Add(count.ToBatchCommand());
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var fetched = new List<PageItem<T>>(compiled.PageSize + 1);
        while (await reader.ReadAsync(cancellationToken))
        {
            fetched.Add(new PageItem<T>(map(reader), compiled.ReadCursor(reader)));
        }

        long? totalCount = null;
        if (compiled.CountQuery is not null)
        {
            await reader.NextResultAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            totalCount = reader.GetInt64(0);
        }

        return compiled.ToPage(fetched, totalCount);
    }

    /// <summary>Counts the rows matching <paramref name="query"/>'s filter (its sort and page are ignored).</summary>
    /// <param name="model">The read model queried.</param>
    /// <param name="query">The query whose filter is counted.</param>
    /// <param name="cancellationToken">Cancels the count.</param>
    /// <exception cref="QueryValidationException">The filter is not valid for the model.</exception>
    public async Task<long> CountAsync(ReadModelDescription model, ReadModelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = ReadModelQueryCompiler.CompileCount(model, query.Filter).ToCommand(dataSource);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
