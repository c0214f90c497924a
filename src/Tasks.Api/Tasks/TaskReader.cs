using Npgsql;
using Tasks.Api.Paging;
using Tasks.Projections.Queries;

namespace Tasks.Api.Tasks;

/// <summary>Reads tasks from the <c>tasks</c> read model.</summary>
public sealed class TaskReader(NpgsqlDataSource dataSource, ReadModelQueryExecutor queries)
{
    private static readonly string ByIds = $"SELECT {TaskRows.SelectList} FROM tasks WHERE id = ANY($1)";

    /// <summary>One task, or null.</summary>
    public async Task<TaskView?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await FindManyAsync([id], cancellationToken);
        return found.GetValueOrDefault(id);
    }

    /// <summary>The tasks of <paramref name="ids"/> that exist, by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, TaskView>> FindManyAsync(IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        await using var command = dataSource.CreateCommand(ByIds);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. ids] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<Guid, TaskView>(ids.Count);
        while (await reader.ReadAsync(cancellationToken))
        {
            var task = TaskRows.Read(reader);
            found[task.Id] = task;
        }

        return found;
    }

    /// <summary>A page of tasks; the total count is run only if the caller asks the connection for it.</summary>
    /// <exception cref="QueryValidationException">The filter, sort or page arguments are not valid.</exception>
    public async Task<Connection<TaskView>> PageAsync(ReadModelQuery query, CancellationToken cancellationToken)
    {
        var page = await queries.ExecuteAsync(TaskQueryModel.ReadModel, query, TaskRows.Columns, TaskRows.Read, cancellationToken);
        return new Connection<TaskView>(page, ct => queries.CountAsync(TaskQueryModel.ReadModel, query, ct));
    }
}
