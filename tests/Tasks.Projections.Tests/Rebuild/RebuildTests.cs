using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.Projections.Rebuild;

namespace Tasks.Projections.Tests.Rebuild;

public sealed class RebuildTests
{
    private const string TaskRows = "SELECT coalesce(string_agg(t::text, E'\\n' ORDER BY id), '') FROM tasks t";
    private const string QueueRows = "SELECT coalesce(string_agg(q::text, E'\\n' ORDER BY task_id), '') FROM dispatch_queue q";

    [Fact]
    public async Task A_rebuilt_task_read_model_is_identical_to_the_one_kept_inline()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        await CreateTasksInEveryStatusAsync(db);
        var tasksBefore = await db.ScalarAsync<string>(TaskRows);
        var queueBefore = await db.ScalarAsync<string>(QueueRows);
        var reports = new List<RebuildProgress>();

        var applied = await new ProjectionRebuilder(db.Store).RebuildAsync(new TaskRebuild(), new SynchronousProgress(reports.Add));

        Assert.Equal(tasksBefore, await db.ScalarAsync<string>(TaskRows));
        Assert.Equal(queueBefore, await db.ScalarAsync<string>(QueueRows));
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM events WHERE stream_type = 'task'"), applied);
        Assert.Equal(RebuildPhase.Done, reports[^1].Phase);
        Assert.Contains(reports, r => r.Phase == RebuildPhase.BulkLoading);
    }

    [Fact]
    public async Task The_rebuilt_tables_keep_the_original_index_and_constraint_names()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        const string Indexes = "SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes WHERE tablename IN ('tasks', 'dispatch_queue')";
        var before = await db.ScalarAsync<string>(Indexes);
        await db.CreateTaskAsync();

        await new ProjectionRebuilder(db.Store).RebuildAsync(new TaskRebuild());

        Assert.Equal(before, await db.ScalarAsync<string>(Indexes));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%_rebuild'"));
    }

    [Fact]
    public async Task A_rebuild_while_tasks_are_being_written_loses_and_duplicates_nothing()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        for (var i = 0; i < 200; i++)
        {
            await db.CreateTaskAsync();
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
            {
                var id = await db.CreateTaskAsync();
                if (written++ % 3 == 0)
                {
                    var now = DateTimeOffset.UtcNow.AddSeconds(1);
                    await db.RunTaskAsync(id, new StartTask(now.AddMinutes(1), now));
                }
            }

            return written;
        });

        await Task.Delay(200);
        await new ProjectionRebuilder(db.Store).RebuildAsync(new TaskRebuild());
        await Task.Delay(200);
        await stop.CancelAsync();
        var written = await writer;

        Assert.True(written > 0);
        Assert.Equal(200L + written, await db.ScalarAsync<long>("SELECT count(*) FROM tasks"));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            """
            SELECT count(*) FROM tasks t
            JOIN (SELECT stream_id, max(version) AS version FROM events WHERE stream_type = 'task' GROUP BY stream_id) e ON e.stream_id = t.id
            WHERE t.version <> e.version OR (t.status = 'inProgress') <> (e.version = 2)
            """));
        Assert.Equal(await db.ScalarAsync<long>("SELECT count(*) FROM tasks WHERE status = 'new'"), await db.ScalarAsync<long>("SELECT count(*) FROM dispatch_queue"));
    }

    [Fact]
    public async Task The_function_registry_can_be_rebuilt_too()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var definition = new FunctionDefinition { Name = "resize", EntryPoint = "index.handler", Runtime = "nodejs22.x" };
        await db.RunFunctionAsync("resize", new RegisterFunction(definition, ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        await db.RunFunctionAsync("resize", new DisableFunction(ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        await db.RunFunctionAsync("crop", new RegisterFunction(definition with { Name = "crop" }, ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        await db.RunFunctionAsync("crop", new DeleteFunction(ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        const string Rows = "SELECT string_agg(f::text, E'\\n' ORDER BY name) FROM functions f";
        var before = await db.ScalarAsync<string>(Rows);

        await new ProjectionRebuilder(db.Store).RebuildAsync(EventByEventRebuild.Functions);

        Assert.Equal(before, await db.ScalarAsync<string>(Rows));
    }

    private static async Task CreateTasksInEveryStatusAsync(ProjectionsDatabase db)
    {
        var at = DateTimeOffset.UtcNow.AddSeconds(1);
        var error = new TaskError("boom", "Boom", "it broke");
        await db.CreateTaskAsync("resize", 5, at.AddHours(1), "later");
        var cancelled = await db.CreateTaskAsync("resize");
        await db.RunTaskAsync(cancelled, new CancelTask(ProjectionsDatabase.Alice, at));
        var running = await db.CreateTaskAsync("crop", 1, null, "x", "y");
        await db.RunTaskAsync(running, new StartTask(at.AddMinutes(5), at));
        var done = await db.CreateTaskAsync();
        await db.RunTaskAsync(done, new StartTask(at.AddMinutes(5), at));
        await db.RunTaskAsync(done, new CompleteTask("{\"ok\":true}", at.AddSeconds(1)));
        var failed = await db.CreateTaskAsync();
        await db.RunTaskAsync(failed, new StartTask(at.AddMinutes(5), at));
        await db.RunTaskAsync(failed, new FailTask(error, RetryPolicy.Disabled, TimeOrderedId.New(), at.AddSeconds(1)));
        var retried = await db.CreateTaskAsync();
        await db.RunTaskAsync(retried, new StartTask(at.AddMinutes(5), at));
        await db.RunTaskAsync(retried, new FailTask(error, new RetryPolicy(true), TimeOrderedId.New(), at.AddSeconds(1)));
    }

    private sealed class SynchronousProgress(Action<RebuildProgress> report) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value) => report(value);
    }
}
