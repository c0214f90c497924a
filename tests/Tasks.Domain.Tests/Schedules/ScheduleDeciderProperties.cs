using FsCheck;
using FsCheck.Fluent;
using Tasks.Domain.Deciding;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;

namespace Tasks.Domain.Tests.Schedules;

public sealed class ScheduleDeciderProperties
{
    private const string None = "none";

    // Every transition a schedule may make: (phase before, event) → phase after.
    private static readonly Dictionary<(string, Type), string[]> Allowed = new()
    {
        [(None, typeof(ScheduleCreated))] = ["active"],
        [("active", typeof(ScheduleFired))] = ["active"],
        [("active", typeof(ScheduleDeleted))] = ["deleted"],
    };

    private static DeciderLaws<IScheduleCommand, IScheduleEvent, ScheduleState?> Laws => new(ScheduleDecider.Instance, Phase, Allowed)
    {
        OnEvent = (before, @event, after) =>
        {
            if (@event is ScheduleFired fired)
            {
                var interval = TimeSpan.FromSeconds(before!.IntervalSeconds);

                // On the grid, the latest slot reached, and the next one strictly later.
                Assert.Equal(0, (fired.FiredFor - before.StartTimestamp).Ticks % interval.Ticks);
                Assert.True(fired.FiredFor <= fired.At);
                Assert.True(fired.NextTimestamp > fired.At);
                Assert.Equal(interval, fired.NextTimestamp - fired.FiredFor);

                // Never a slot before the one due, so never a slot twice.
                Assert.True(fired.FiredFor >= before.NextTimestamp);
                Assert.True(before.LastFiredFor is null || fired.FiredFor > before.LastFiredFor);
            }

            Assert.Equal(@event.At, after!.UpdateTimestamp);
        },
    };

    [Fact]
    public void Any_sequence_of_schedule_commands_keeps_the_decider_laws()
    {
        Properties.ForAll(Commands, commands => Laws.CheckDeterministic(commands));
    }

    [Fact]
    public void Every_due_firing_is_accepted_and_no_early_one_is()
    {
        Properties.ForAll(Commands, commands =>
        {
            var state = ScheduleDecider.Instance.Initial;
            foreach (var command in commands)
            {
                var (decision, after) = ScheduleDecider.Instance.Run(state, command);
                if (command is FireSchedule fire && state is { IsDeleted: false } && fire.TaskId != Guid.Empty)
                {
                    Assert.Equal(fire.At >= state.NextTimestamp, decision.IsSuccess);
                }

                state = after;
            }
        });
    }

    [Fact]
    public void The_generated_schedule_commands_reach_every_allowed_transition()
    {
        var reached = Laws.TransitionsReached(Commands.Sample(300));

        Assert.Empty(Allowed.Keys.Except(reached)); // every legal transition is exercised
        Assert.Empty(reached.Except(Allowed.Keys)); // and nothing else happens
    }

    private static string Phase(ScheduleState? state) => state is null ? None : state.StatusName;

    private static Gen<IScheduleCommand[]> Commands =>
        Properties.Sequence(
            Gen.Frequency(
                (1, CreateStep),
                (6, from taskId in Gen.Frequency((8, Gen.Fresh(Guid.NewGuid)), (1, Gen.Constant(Guid.Empty)))
                    select (Func<DateTimeOffset, IScheduleCommand>)(at => new FireSchedule(taskId, at))),
                (1, Gen.Constant<Func<DateTimeOffset, IScheduleCommand>>(at => new DeleteSchedule(ScheduleExamples.Dave, at)))),
            Gen.Frequency((6, Gen.Choose(0, 30)), (2, Gen.Choose(0, 600)), (1, Gen.Choose(0, 200_000))));

    private static Gen<Func<DateTimeOffset, IScheduleCommand>> CreateStep =>
        from id in Gen.Frequency((8, Gen.Constant(ScheduleExamples.ScheduleId)), (1, Gen.Constant(Guid.Empty)))
        from name in Gen.Frequency((8, Gen.Constant("nightly-report")), (1, Gen.Constant("no good")))
        from interval in Gen.Frequency(
            (6, Gen.Elements(1, 7, 60, 3600)),
            (1, Gen.Elements(ScheduleLimits.MaxIntervalSeconds, 0, -5, ScheduleLimits.MaxIntervalSeconds + 1)))
        from startOffset in Gen.Choose(-5000, 5000)
        from priority in Properties.OrNull(Gen.Choose(-2, 2))
        select (Func<DateTimeOffset, IScheduleCommand>)(at => new CreateSchedule(
            id, name, TaskData.Empty, priority, ["s"], at.AddSeconds(startOffset), interval, ScheduleExamples.Dave, at));
}
