using Npgsql;
using Tasks.Projections.Queries;
using F = Tasks.Projections.Queries.TaskQueryModel;

namespace Tasks.Projections.Tests.Queries;

/// <summary>The common list queries compile to SQL the read-model indexes serve, checked with EXPLAIN on 20k tasks.</summary>
public sealed class QueryPlanTests : IAsyncLifetime
{
    private NpgsqlDataSource? dataSource;

    public async Task InitializeAsync()
    {
        dataSource = await ReadModelDatabase.CreateAsync();
        await using var fill = dataSource.CreateCommand(
            """
            INSERT INTO tasks (id, version, status, status_changed_at, function_name, data, start_at, priority, tags,
                               created_at, updated_at, retry_for_task_ids, new_at)
            SELECT gen_random_uuid(), 1, 'new', now(), 'fn' || (i % 50), '{}', now(), 0,
                   CASE WHEN i % 4000 = 0 THEN ARRAY['rare', 'common'] ELSE ARRAY['common'] END,
                   now() - i * interval '1 second', now(), '{}', now()
            FROM generate_series(1, 20000) AS i;
            ANALYZE tasks;
            """);
        await fill.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        if (dataSource is not null)
        {
            await dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task Tasks_of_one_function_newest_first_scan_the_function_index_without_sorting()
    {
        var byFunction = QueryFilter.Where(F.FunctionName, FilterOperator.Eq, "fn7");
        var firstPage = ReadModelQueryCompiler.Compile(F.ReadModel, new ReadModelQuery(byFunction), ["id"]);

        var plan = await ExplainAsync(firstPage.Query);

        // An index-only scan when only indexed columns are selected, an index scan otherwise; never a sort.
        Assert.Contains("Scan Backward using tasks_function_name", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_page_seeks_into_the_same_index_with_the_cursor()
    {
        var byFunction = QueryFilter.Where(F.FunctionName, FilterOperator.Eq, "fn7");
        var executor = new ReadModelQueryExecutor(dataSource!);
        var first = await executor.ExecuteAsync(F.ReadModel, new ReadModelQuery(byFunction), ["id"], r => r.GetGuid(0));
        var nextPage = ReadModelQueryCompiler.Compile(F.ReadModel, new ReadModelQuery(byFunction, Page: new PageRequest(After: first.EndCursor)), ["id"]);

        var plan = await ExplainAsync(nextPage.Query);

        Assert.Contains("Scan Backward using tasks_function_name", plan, StringComparison.Ordinal);
        Assert.Contains("Index Cond: ((function_name = 'fn7'::text) AND (ROW(created_at, id) < ROW(", plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tasks_with_some_tag_use_the_gin_index_on_tags()
    {
        var tagged = QueryFilter.Elements(F.Tags, ListQuantifier.Some, FilterOperator.Eq, "rare");
        var compiled = ReadModelQueryCompiler.Compile(F.ReadModel, new ReadModelQuery(tagged), ["id"]);

        var plan = await ExplainAsync(compiled.Query);

        Assert.Contains("Bitmap Index Scan on tasks_tags", plan, StringComparison.Ordinal);
    }

    private async Task<string> ExplainAsync(CompiledQuery query)
    {
        await using var command = query.ToCommand(dataSource!);
        command.CommandText = "EXPLAIN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
