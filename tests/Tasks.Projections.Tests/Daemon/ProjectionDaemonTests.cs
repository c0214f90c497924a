using Microsoft.Extensions.Logging.Abstractions;
using Tasks.EventStore.Subscriptions;
using Tasks.Projections.Daemon;

namespace Tasks.Projections.Tests.Daemon;

public sealed class ProjectionDaemonTests
{
    private static ProjectionDaemon Daemon(ProjectionsDatabase db, string holder) => new(
        db.Store,
        [new TaskActivityProjection()],
        NullLogger<ProjectionDaemon>.Instance,
        new ProjectionDaemonOptions(holder, TimeSpan.FromSeconds(1), new LogSubscriptionOptions(PollInterval: TimeSpan.FromMilliseconds(100))));

    [Fact]
    public async Task One_of_several_daemons_leads_and_another_takes_over_when_it_stops()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        using var first = Daemon(db, "first");
        using var second = Daemon(db, "second");
        await first.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => first.IsLeader);
        await second.StartAsync(CancellationToken.None);
        await Task.Delay(500);

        Assert.False(second.IsLeader);

        await first.StopAsync(CancellationToken.None);
        await WaitUntilAsync(() => second.IsLeader);
        await db.CreateTaskAsync();
        await WaitUntilAsync(() => db.ScalarAsync<long>("SELECT coalesce(sum(events), 0)::bigint FROM task_activity").GetAwaiter().GetResult() == 1);
        await second.StopAsync(CancellationToken.None);

        Assert.False(first.IsLeader);
    }

    [Fact]
    public async Task The_daemon_reports_each_projections_lag_until_it_has_caught_up()
    {
        await using var db = await ProjectionsDatabase.CreateAsync();
        using var daemon = Daemon(db, "only");
        for (var i = 0; i < 5; i++)
        {
            await db.CreateTaskAsync();
        }

        var before = Assert.Single(await daemon.StatusAsync());
        Assert.Equal(5, before.EventsBehind);

        await daemon.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => daemon.StatusAsync().GetAwaiter().GetResult()[0].EventsBehind == 0);
        await daemon.StopAsync(CancellationToken.None);

        var after = Assert.Single(await daemon.StatusAsync());
        Assert.Equal(after.ReadableHead, after.Checkpoint);
        Assert.Equal(5L, await db.ScalarAsync<long>("SELECT sum(events)::bigint FROM task_activity WHERE event_type = 'task-created'"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold within 20 s");
            await Task.Delay(50);
        }
    }
}
