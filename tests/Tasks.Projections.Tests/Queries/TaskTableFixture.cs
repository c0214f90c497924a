using Npgsql;
using Tasks.Projections.Queries;

namespace Tasks.Projections.Tests.Queries;

/// <summary>A database holding <see cref="TaskSamples.Rows"/>, shared by the tests of one class (they only read).</summary>
public sealed class TaskTableFixture : IAsyncLifetime
{
    private NpgsqlDataSource? dataSource;

    public NpgsqlDataSource DataSource => dataSource ?? throw new InvalidOperationException("not initialized");

    internal ReadModelQueryExecutor Executor => new(DataSource);

    public async Task InitializeAsync()
    {
        dataSource = await ReadModelDatabase.CreateAsync();
        await ReadModelDatabase.InsertTasksAsync(dataSource, TaskSamples.Rows);
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    /// <summary>One page of task ids.</summary>
    internal Task<Page<Guid>> PageAsync(QueryFilter? filter, IReadOnlyList<SortField>? sort, PageRequest page, bool count = false) =>
        Executor.ExecuteAsync(TaskQueryModel.ReadModel, new ReadModelQuery(filter, sort, page, count), ["id"], r => r.GetGuid(0));

    /// <summary>Every matching task id, in order, by paging forward through full pages.</summary>
    internal async Task<List<Guid>> AllIdsAsync(QueryFilter? filter, IReadOnlyList<SortField>? sort, int pageSize = 50)
    {
        var ids = new List<Guid>();
        string? after = null;
        for (var pages = 0; pages <= TaskSamples.Count; pages++)
        {
            var page = await PageAsync(filter, sort, new PageRequest(First: pageSize, After: after));
            ids.AddRange(page.Items.Select(i => i.Node));
            if (!page.HasNextPage)
            {
                return ids;
            }

            after = page.EndCursor;
        }

        throw new InvalidOperationException("paging did not end");
    }
}
