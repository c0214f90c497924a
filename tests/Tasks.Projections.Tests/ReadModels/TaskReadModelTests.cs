using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;

namespace Tasks.Projections.Tests.ReadModels;

public sealed class TaskReadModelTests
{
    [Fact]
    public async Task A_created_task_is_in_the_read_model_and_in_the_dispatch_queue()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var start = DateTimeOffset.UtcNow.AddMinutes(5);

        var id = await db.CreateTaskAsync("resize", priority: 7, start: start, "a", "b");

        Assert.Equal("new", await db.ScalarAsync<string>("SELECT status FROM tasks WHERE id = $1", id));
        Assert.Equal("resize", await db.ScalarAsync<string>("SELECT function_name FROM tasks WHERE id = $1", id));
        Assert.Equal(new[] { "a", "b" }, await db.ScalarAsync<string[]>("SELECT tags FROM tasks WHERE id = $1", id));
        Assert.Equal(3, await db.ScalarAsync<int>("SELECT (data->>'size')::int FROM tasks WHERE id = $1", id));
        Assert.Equal("alice", await db.ScalarAsync<string>("SELECT created_by_user_id FROM tasks WHERE id = $1", id));
        Assert.Equal(7, await db.ScalarAsync<int>("SELECT priority FROM dispatch_queue WHERE task_id = $1", id));
        Assert.Equal(start.ToUnixTimeMilliseconds(), (await db.ScalarAsync<DateTime>("SELECT start_at FROM dispatch_queue WHERE task_id = $1", id)).ToUnixTimeMillisecondsUtc());
    }

    [Fact]
    public async Task A_started_task_leaves_the_queue_and_records_its_lease_and_the_time_of_each_status()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var id = await db.CreateTaskAsync();
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(1);

        await db.RunTaskAsync(id, new StartTask(startedAt.AddSeconds(60), startedAt));

        Assert.Equal("inProgress", await db.ScalarAsync<string>("SELECT status FROM tasks WHERE id = $1", id));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM dispatch_queue"));
        Assert.NotNull(await db.ScalarAsync<DateTime?>("SELECT lease_expires_at FROM tasks WHERE id = $1", id));
        Assert.NotNull(await db.ScalarAsync<DateTime?>("SELECT in_progress_at FROM tasks WHERE id = $1", id));
        Assert.Equal(2, await db.ScalarAsync<int>("SELECT version FROM tasks WHERE id = $1", id));

        await db.RunTaskAsync(id, new CompleteTask(null, startedAt.AddSeconds(2)));

        Assert.Equal("complete", await db.ScalarAsync<string>("SELECT status FROM tasks WHERE id = $1", id));
        Assert.Null(await db.ScalarAsync<DateTime?>("SELECT lease_expires_at FROM tasks WHERE id = $1", id));
        Assert.NotNull(await db.ScalarAsync<DateTime?>("SELECT complete_at FROM tasks WHERE id = $1", id));
    }

    [Fact]
    public async Task A_failed_task_records_its_error_and_a_retried_one_links_to_its_retry()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var failing = await db.CreateTaskAsync();
        var retrying = await db.CreateTaskAsync();
        var at = DateTimeOffset.UtcNow.AddSeconds(1);
        var error = new TaskError("timeout", "Timeout", "took too long");
        await db.RunTaskAsync(failing, new StartTask(at.AddMinutes(1), at));
        await db.RunTaskAsync(retrying, new StartTask(at.AddMinutes(1), at));
        var retryId = TimeOrderedId.New();

        await db.RunTaskAsync(failing, new FailTask(error, RetryPolicy.Disabled, TimeOrderedId.New(), at.AddSeconds(1)));
        await db.RunTaskAsync(retrying, new FailTask(error, new RetryPolicy(true), retryId, at.AddSeconds(1)));

        Assert.Equal("failed", await db.ScalarAsync<string>("SELECT status FROM tasks WHERE id = $1", failing));
        Assert.Equal("timeout", await db.ScalarAsync<string>("SELECT error_type FROM tasks WHERE id = $1", failing));
        Assert.Equal("took too long", await db.ScalarAsync<string>("SELECT error_message FROM tasks WHERE id = $1", failing));
        Assert.Equal("retried", await db.ScalarAsync<string>("SELECT status FROM tasks WHERE id = $1", retrying));
        Assert.Equal(retryId, await db.ScalarAsync<Guid>("SELECT retried_by_task_id FROM tasks WHERE id = $1", retrying));
    }

    [Fact]
    public async Task A_cancelled_task_leaves_the_queue()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var id = await db.CreateTaskAsync();

        await db.RunTaskAsync(id, new CancelTask(ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));

        Assert.Equal("canceled", await db.ScalarAsync<string>("SELECT status FROM tasks WHERE id = $1", id));
        Assert.NotNull(await db.ScalarAsync<DateTime?>("SELECT canceled_at FROM tasks WHERE id = $1", id));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM dispatch_queue"));
    }

    [Fact]
    public async Task Tasks_created_in_bulk_are_projected_like_tasks_created_one_by_one()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var work = db.Store.BeginUnitOfWork();
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            var id = TimeOrderedId.New();
            ids.Add(id);
            string[] tags = i % 2 == 0 ? ["even", $"n{i}"] : [];
            Guid[] retryFor = i == 3 ? [TimeOrderedId.New()] : [];
            var decision = TaskDecider.Instance.Decide(new CreateTask(id, "bulk", TaskData.Create($"{{\"i\":{i}}}"), null, i, tags, null, ProjectionsDatabase.Alice, retryFor, DateTimeOffset.UtcNow), null);
            work.Append(id, "task", ExpectedVersion.NoStream, decision.Events);
        }

        await work.CommitAsync();

        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT count(*) FROM tasks WHERE status = 'new'"));
        Assert.Equal(50L, await db.ScalarAsync<long>("SELECT count(*) FROM dispatch_queue"));
        Assert.Equal(new[] { "even", "n4" }, await db.ScalarAsync<string[]>("SELECT tags FROM tasks WHERE id = $1", ids[4]));
        Assert.Empty((await db.ScalarAsync<string[]>("SELECT tags FROM tasks WHERE id = $1", ids[5]))!);
        Assert.Single((await db.ScalarAsync<Guid[]>("SELECT retry_for_task_ids FROM tasks WHERE id = $1", ids[3]))!);
        Assert.Equal(17, await db.ScalarAsync<int>("SELECT (data->>'i')::int FROM tasks WHERE id = $1", ids[17]));
        Assert.Equal(17, await db.ScalarAsync<int>("SELECT priority FROM dispatch_queue WHERE task_id = $1", ids[17]));
    }

    [Fact]
    public async Task Starts_and_completions_in_one_batch_are_projected_like_ones_recorded_one_by_one()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var batched = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            batched.Add(await db.CreateTaskAsync());
        }

        var single = await db.CreateTaskAsync();
        var at = DateTimeOffset.UtcNow;
        var lease = at.AddSeconds(60);

        var starts = db.Store.BeginUnitOfWork();
        foreach (var id in batched)
        {
            starts.Append(id, "task", ExpectedVersion.Exactly(1), [new TaskStarted(lease, at)]);
        }

        await starts.CommitAsync();
        await db.RunTaskAsync(single, new StartTask(lease, at));
        // Two of the four complete together; the others stay in progress.
        var completions = db.Store.BeginUnitOfWork();
        foreach (var id in batched.Take(2))
        {
            completions.Append(id, "task", ExpectedVersion.Exactly(2), [new TaskCompleted(null, at.AddSeconds(1))]);
        }

        await completions.CommitAsync();
        await db.RunTaskAsync(single, new CompleteTask(null, at.AddSeconds(1)));

        const string Row = "SELECT concat_ws('|', status, version, in_progress_at, complete_at, lease_expires_at, status_changed_at, updated_at) FROM tasks WHERE id = $1";
        var expected = await db.ScalarAsync<string>(Row, single);
        Assert.Equal(expected, await db.ScalarAsync<string>(Row, batched[0]));
        Assert.Equal(expected, await db.ScalarAsync<string>(Row, batched[1]));
        Assert.Equal(2L, await db.ScalarAsync<long>("SELECT count(*) FROM tasks WHERE status = 'inProgress' AND version = 2 AND lease_expires_at IS NOT NULL"));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM dispatch_queue"));
    }
}

internal static class DateTimeTestExtensions
{
    public static long ToUnixTimeMillisecondsUtc(this DateTime value) => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
}
