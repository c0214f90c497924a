using Npgsql;
using Tasks.Api.Paging;
using Tasks.Projections.Queries;

namespace Tasks.Api.Schedules;

/// <summary>Reads schedules from the <c>schedules</c> read model.</summary>
public sealed class ScheduleReader(NpgsqlDataSource dataSource, ReadModelQueryExecutor queries)
{
    private static readonly string ById = $"SELECT {ScheduleRows.SelectList} FROM schedules WHERE id = $1";

    /// <summary>One schedule, or null.</summary>
    public async Task<ScheduleView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(ById);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ScheduleRows.Read(reader) : null;
    }

    /// <summary>A page of schedules.</summary>
    /// <exception cref="QueryValidationException">The filter, sort or page arguments are not valid.</exception>
    public async Task<Connection<ScheduleView>> PageAsync(ReadModelQuery query, CancellationToken cancellationToken)
    {
        var page = await queries.ExecuteAsync(ScheduleQueryModel.ReadModel, query, ScheduleRows.Columns, ScheduleRows.Read, cancellationToken);
        return new Connection<ScheduleView>(page, ct => queries.CountAsync(ScheduleQueryModel.ReadModel, query, ct));
    }
}
