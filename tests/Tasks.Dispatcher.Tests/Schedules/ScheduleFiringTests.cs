using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Tasks.Dispatcher.Schedules;
using Tasks.Domain.Identity;
using TaskStatus = Tasks.Domain.Tasks.TaskStatus;

namespace Tasks.Dispatcher.Tests.Schedules;

public sealed class ScheduleFiringTests
{
    private const int Minute = 60;

    [Fact]
    public async Task A_due_schedule_fires_one_task_with_its_function_data_priority_and_tags_and_its_next_slot_advances_by_one_interval()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report", defaultPriority: 3);
        var start = ScheduleDatabase.WholeSecondNow().AddMinutes(-1);
        var id = await db.CreateScheduleAsync("report", start, Minute, priority: 8, tags: ["reports", "daily"], data: "{\"report\":\"usage\"}", by: new Actor("alice", "app-1"));

        var fired = await db.Firing().FireDueAsync(start.AddSeconds(10), default);

        Assert.Equal(1, fired);
        var taskId = Assert.Single(await db.TaskIdsAsync("report"));
        var task = await db.Db.TaskAsync(taskId);
        Assert.Equal(TaskStatus.New, task.Status);
        Assert.Equal("report", task.FunctionName);
        Assert.Equal("usage", JsonDocument.Parse(task.Data.Json).RootElement.GetProperty("report").GetString());
        Assert.Equal(8, task.Priority);
        Assert.Equal(["reports", "daily"], task.Tags);
        Assert.Equal(start, task.StartTimestamp);
        Assert.Equal("alice", task.CreatedByUserId);
        Assert.Equal("app-1", task.CreatedByApplicationId);
        var schedule = await db.ScheduleAsync(id);
        Assert.Equal(start.AddSeconds(Minute), schedule.NextTimestamp);
        Assert.Equal(taskId, schedule.LastTaskId);
        Assert.Equal(start.AddSeconds(Minute), await db.ReadModelNextAtAsync(id));
    }

    [Fact]
    public async Task A_schedule_without_a_priority_gives_its_task_the_functions_default_priority()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report", defaultPriority: 7);
        await db.RegisterFunctionAsync("plain");
        var start = ScheduleDatabase.WholeSecondNow();
        await db.CreateScheduleAsync("report", start, Minute);
        await db.CreateScheduleAsync("plain", start, Minute);

        Assert.Equal(2, await db.Firing().FireDueAsync(start, default));

        Assert.Equal(7, (await db.Db.TaskAsync(Assert.Single(await db.TaskIdsAsync("report")))).Priority);
        Assert.Equal(0, (await db.Db.TaskAsync(Assert.Single(await db.TaskIdsAsync("plain")))).Priority);
    }

    [Fact]
    public async Task A_schedule_before_its_start_fires_nothing_and_keeps_its_next_slot()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        var start = ScheduleDatabase.WholeSecondNow().AddMinutes(5);
        var id = await db.CreateScheduleAsync("report", start, Minute);

        var fired = await db.Firing().FireDueAsync(start.AddTicks(-1), default);

        Assert.Equal(0, fired);
        Assert.Empty(await db.TaskIdsAsync("report"));
        Assert.Equal(start, (await db.ScheduleAsync(id)).NextTimestamp);
        Assert.Equal(start, await db.ReadModelNextAtAsync(id));
    }

    [Fact]
    public async Task A_schedule_fires_once_per_interval_and_not_again_before_its_next_slot()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        var start = ScheduleDatabase.WholeSecondNow();
        var id = await db.CreateScheduleAsync("report", start, Minute);
        var firing = db.Firing();

        var atStart = await firing.FireDueAsync(start, default);
        var beforeNextSlot = await firing.FireDueAsync(start.AddSeconds(Minute - 1), default);
        var atNextSlot = await firing.FireDueAsync(start.AddSeconds(Minute), default);

        Assert.Equal((1, 0, 1), (atStart, beforeNextSlot, atNextSlot));
        var tasks = await db.TaskIdsAsync("report");
        Assert.Equal([start, start.AddSeconds(Minute)], await Task.WhenAll(tasks.Select(async t => (await db.Db.TaskAsync(t)).StartTimestamp)));
        Assert.Equal(start.AddSeconds(2 * Minute), (await db.ScheduleAsync(id)).NextTimestamp);
    }

    [Fact]
    public async Task After_ten_missed_intervals_one_catch_up_task_is_created_for_the_latest_slot_and_the_next_slot_is_in_the_future()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        var start = ScheduleDatabase.WholeSecondNow().AddHours(-1);
        var id = await db.CreateScheduleAsync("report", start, Minute);
        var now = start.AddSeconds(10 * Minute).AddSeconds(5);
        var firing = db.Firing();

        var fired = await firing.FireDueAsync(now, default);
        var firedAgain = await firing.FireDueAsync(now, default);

        Assert.Equal((1, 0), (fired, firedAgain));
        var task = await db.Db.TaskAsync(Assert.Single(await db.TaskIdsAsync("report")));
        Assert.Equal(start.AddSeconds(10 * Minute), task.StartTimestamp);
        var next = (await db.ScheduleAsync(id)).NextTimestamp;
        Assert.Equal(start.AddSeconds(11 * Minute), next);
        Assert.True(next > now);
        Assert.Equal(next, await db.ReadModelNextAtAsync(id));
    }

    [Fact]
    public async Task Two_firings_running_concurrently_on_50_due_schedules_create_exactly_50_tasks()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        var start = ScheduleDatabase.WholeSecondNow().AddMinutes(-1);
        var ids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await db.CreateScheduleAsync("report", start, Minute));
        }

        // Separate instances, as two dispatcher processes would have; both see the same 50 due schedules.
        var (first, second) = (db.Firing(), db.Firing());
        var now = start.AddSeconds(30);
        var fired = await Task.WhenAll(
            Task.Run(() => first.FireDueAsync(now, default)),
            Task.Run(() => second.FireDueAsync(now, default)));

        Assert.Equal(50, fired.Sum());
        Assert.Equal(50, (await db.TaskIdsAsync("report")).Count);
        foreach (var id in ids)
        {
            Assert.Equal(1, await db.FiringsAsync(id));
            Assert.Equal(start.AddSeconds(Minute), (await db.ScheduleAsync(id)).NextTimestamp);
        }
    }

    [Fact]
    public async Task A_deleted_schedule_never_fires()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        var start = ScheduleDatabase.WholeSecondNow().AddHours(-1);
        var id = await db.CreateScheduleAsync("report", start, Minute);
        await db.DeleteScheduleAsync(id);

        var fired = await db.Firing().FireDueAsync(start.AddDays(1), default);

        Assert.Equal(0, fired);
        Assert.Empty(await db.TaskIdsAsync("report"));
        Assert.Equal(0, await db.FiringsAsync(id));
        Assert.Null(await db.ReadModelNextAtAsync(id));
    }

    [Fact]
    public async Task A_schedule_of_a_deleted_function_is_skipped_without_holding_up_other_schedules_and_fires_once_the_function_returns()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("gone");
        await db.RegisterFunctionAsync("report");
        var start = ScheduleDatabase.WholeSecondNow().AddMinutes(-10);
        var orphan = await db.CreateScheduleAsync("gone", start, Minute);
        await db.DeleteFunctionAsync("gone");
        var live = await db.CreateScheduleAsync("report", start.AddMinutes(5), Minute);
        var firing = db.Firing(batchSize: 1);
        var now = start.AddMinutes(10);

        var fired = await firing.FireDueAsync(now, default);
        var nextDue = await firing.NextDueAsync(default);

        Assert.Equal(1, fired);
        Assert.Single(await db.TaskIdsAsync("report"));
        Assert.Empty(await db.TaskIdsAsync("gone"));
        Assert.Equal(0, await db.FiringsAsync(orphan));
        // The orphan, still in the past, does not count as due work (the service would spin on it otherwise).
        Assert.Equal((await db.ScheduleAsync(live)).NextTimestamp, nextDue);

        await db.RegisterFunctionAsync("gone");
        Assert.Equal(1, await firing.FireDueAsync(now, default));
        Assert.Single(await db.TaskIdsAsync("gone"));
    }

    [Fact]
    public async Task Next_due_is_the_earliest_next_slot_and_null_without_schedules()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        var firing = db.Firing();
        var none = await firing.NextDueAsync(default);
        var start = ScheduleDatabase.WholeSecondNow().AddMinutes(5);
        await db.CreateScheduleAsync("report", start.AddMinutes(1), Minute);
        await db.CreateScheduleAsync("report", start, Minute);

        Assert.Null(none);
        Assert.Equal(start, await firing.NextDueAsync(default));
    }

    [Fact]
    public async Task The_service_fires_a_schedule_created_while_it_runs_without_waiting_for_its_poll()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        // Polling alone would take an hour: only the commit's wake-up can fire the schedule within the test's wait.
        using var service = new ScheduleFiringService(db.Firing(), db.Db.Signal, TimeProvider.System, NullLogger<ScheduleFiringService>.Instance, TimeSpan.FromHours(1));
        await service.StartAsync(default);
        try
        {
            // Let the service settle into a wait with nothing scheduled.
            await Task.Delay(300);
            await db.CreateScheduleAsync("report", DateTimeOffset.UtcNow, 3600);

            var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
            while ((await db.TaskIdsAsync("report")).Count == 0 && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(25);
            }

            Assert.Single(await db.TaskIdsAsync("report"));
        }
        finally
        {
            await service.StopAsync(default);
        }
    }

    [Fact]
    public async Task The_service_fires_a_schedule_at_its_start_without_waiting_for_its_poll()
    {
        await using var db = await ScheduleDatabase.CreateAsync();
        await db.RegisterFunctionAsync("report");
        var start = DateTimeOffset.UtcNow.AddMilliseconds(1500);
        await db.CreateScheduleAsync("report", start, 3600);
        // Polling alone would take an hour: only the timer set to the schedule's start can fire it within the test's wait.
        using var service = new ScheduleFiringService(db.Firing(), db.Db.Signal, TimeProvider.System, NullLogger<ScheduleFiringService>.Instance, TimeSpan.FromHours(1));
        await service.StartAsync(default);
        try
        {
            var firedEarly = (await db.TaskIdsAsync("report")).Count;
            while ((await db.TaskIdsAsync("report")).Count == 0 && DateTimeOffset.UtcNow < start.AddSeconds(30))
            {
                await Task.Delay(25);
            }

            Assert.Equal(0, firedEarly);
            var task = await db.Db.TaskAsync(Assert.Single(await db.TaskIdsAsync("report")));
            Assert.True(task.CreationTimestamp >= start, "The schedule fired before its start.");
        }
        finally
        {
            await service.StopAsync(default);
        }
    }
}
