using Tasks.Domain.Functions;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;

namespace Tasks.Projections.Tests.ReadModels;

public sealed class FunctionAndScheduleReadModelTests
{
    private static readonly FunctionDefinition Resize = new()
    {
        Name = "resize",
        EntryPoint = "index.handler",
        Runtime = "nodejs22.x",
        Description = "Resizes images",
        TimeLimit = 60,
        Environment = new([new("BUCKET", "secret-bucket")]),
        RetryPolicy = new RetryPolicy(true, ["CONNECTION_ERROR"]),
    };

    [Fact]
    public async Task A_registered_function_is_listed_with_its_settings_and_follows_enable_and_disable()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();

        await db.RunFunctionAsync("resize", new RegisterFunction(Resize, ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));

        Assert.Equal(60, await db.ScalarAsync<int>("SELECT time_limit FROM functions WHERE name = 'resize'"));
        Assert.Equal("permissionRequired", await db.ScalarAsync<string>("SELECT execution_permission FROM functions WHERE name = 'resize'"));
        Assert.Equal(new[] { "CONNECTION_ERROR" }, await db.ScalarAsync<string[]>("SELECT retry_errors FROM functions WHERE name = 'resize'"));
        Assert.Equal("secret-bucket", await db.ScalarAsync<string>("SELECT environment->>'BUCKET' FROM functions WHERE name = 'resize'"));

        await db.RunFunctionAsync("resize", new DisableFunction(ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        Assert.False(await db.ScalarAsync<bool>("SELECT enabled FROM functions WHERE name = 'resize'"));

        await db.RunFunctionAsync("resize", new EnableFunction(ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        Assert.True(await db.ScalarAsync<bool>("SELECT enabled FROM functions WHERE name = 'resize'"));
    }

    [Fact]
    public async Task Deleting_a_function_removes_it_from_the_registry_and_keeps_its_tasks()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        await db.RunFunctionAsync("resize", new RegisterFunction(Resize, ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        var task = await db.CreateTaskAsync("resize");

        await db.RunFunctionAsync("resize", new DeleteFunction(ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));

        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM functions"));
        Assert.Equal("resize", await db.ScalarAsync<string>("SELECT function_name FROM tasks WHERE id = $1", task));

        await db.RunFunctionAsync("resize", new RegisterFunction(Resize with { TimeLimit = 90 }, ProjectionsDatabase.Alice, DateTimeOffset.UtcNow));
        Assert.Equal(90, await db.ScalarAsync<int>("SELECT time_limit FROM functions WHERE name = 'resize'"));
    }

    [Fact]
    public async Task A_schedule_moves_its_next_time_when_it_fires_and_disappears_when_deleted()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        var id = TimeOrderedId.New();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await db.RunScheduleAsync(id, new CreateSchedule(id, "resize", TaskData.Empty, 3, ["nightly"], start, 3600, ProjectionsDatabase.Alice, start.AddMinutes(-1)));
        Assert.Equal(start.UtcDateTime, await db.ScalarAsync<DateTime>("SELECT next_at FROM schedules WHERE id = $1", id));

        await db.RunScheduleAsync(id, new FireSchedule(TimeOrderedId.New(), start.AddMinutes(10)));

        Assert.Equal(start.AddHours(1).UtcDateTime, await db.ScalarAsync<DateTime>("SELECT next_at FROM schedules WHERE id = $1", id));

        await db.RunScheduleAsync(id, new DeleteSchedule(ProjectionsDatabase.Alice, start.AddHours(2)));
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM schedules"));
    }
}
