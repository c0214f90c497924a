using Tasks.Domain.Deciding;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Schedules.ScheduleExamples;

namespace Tasks.Domain.Tests.Schedules;

public sealed class ScheduleDeciderSpecs
{
    [Fact]
    public void Creating_a_schedule_makes_its_start_the_next_slot()
    {
        var created = DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleCreated>(Aggregate.Decide(Create(), null));
        var state = Aggregate.Evolve(null, created)!;

        Assert.Equal(
            new ScheduleCreated(ScheduleId, "nightly-report", TaskData.Create("""{"kind":"report"}"""), 2, ["reports"], Time.At(100), 60, "dave", "ops", Time.T0),
            created);
        Assert.Equal(Time.At(100), state.NextTimestamp);
        Assert.Equal(60, state.IntervalSeconds);
        Assert.Equal("active", state.StatusName);
        Assert.Null(state.LastFiredFor);
        Assert.Equal(Time.T0, state.CreationTimestamp);
    }

    [Fact]
    public void Creating_an_existing_schedule_is_rejected_as_already_existing()
    {
        DecisionAssert.Rejected<IScheduleEvent, AlreadyExistsError>(Aggregate.Decide(Create(), Active()));
        DecisionAssert.Rejected<IScheduleEvent, AlreadyExistsError>(Aggregate.Decide(Create(), Deleted()));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(31_622_400, true)]
    [InlineData(0, false)]
    [InlineData(-60, false)]
    [InlineData(31_622_401, false)]
    public void The_interval_is_one_second_to_366_days(int seconds, bool valid)
    {
        var decision = Aggregate.Decide(Create() with { IntervalSeconds = seconds }, null);

        if (valid)
        {
            DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleCreated>(decision);
        }
        else
        {
            DecisionAssert.RejectedFor(decision, "interval");
        }
    }

    [Fact]
    public void A_schedule_follows_the_task_rules_for_its_function_name_and_tags()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { FunctionName = "bad name" }, null), "functionName");
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { Tags = [""] }, null), "tags");
        DecisionAssert.RejectedFor(Aggregate.Decide(Create() with { ScheduleId = Guid.Empty }, null), "id");
    }

    [Fact]
    public void Firing_exactly_at_the_next_slot_fires_for_it()
    {
        var fire = Fire(100);

        var fired = DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleFired>(Aggregate.Decide(fire, Active()));
        var state = Aggregate.Evolve(Active(), fired)!;

        Assert.Equal(new ScheduleFired(fire.TaskId, Time.At(100), Time.At(160), Time.At(100)), fired);
        Assert.Equal(Time.At(160), state.NextTimestamp);
        Assert.Equal(Time.At(100), state.LastFiredFor);
        Assert.Equal(fire.TaskId, state.LastTaskId);
    }

    [Fact]
    public void Firing_before_the_next_slot_is_rejected()
    {
        var error = DecisionAssert.Rejected<IScheduleEvent, IllegalStateError>(Aggregate.Decide(Fire(99.9), Active()));

        Assert.Equal("active", error.CurrentStatus);
        Assert.Equal("fire", error.AttemptedAction);
        Assert.Contains("not due until", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Firing_late_fires_once_for_the_latest_slot_and_skips_the_missed_ones()
    {
        // Slots 100, 160, 220, 280 have passed at 300; only 280 fires, the next is 340.
        var fired = DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleFired>(Aggregate.Decide(Fire(300), Active()));

        Assert.Equal(Time.At(280), fired.FiredFor);
        Assert.Equal(Time.At(340), fired.NextTimestamp);
    }

    [Fact]
    public void A_slot_never_fires_twice()
    {
        var state = Given(Create(), Fire(130));

        DecisionAssert.Rejected<IScheduleEvent, IllegalStateError>(Aggregate.Decide(Fire(130), state));
        DecisionAssert.Rejected<IScheduleEvent, IllegalStateError>(Aggregate.Decide(Fire(159), state));
        Assert.Equal(Time.At(160), DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleFired>(Aggregate.Decide(Fire(160), state)).FiredFor);
    }

    [Fact]
    public void A_schedule_that_started_in_the_past_fires_at_once_for_its_current_slot()
    {
        var state = Given(Create() with { StartTimestamp = Time.At(-1000), At = Time.T0 });

        var fired = DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleFired>(Aggregate.Decide(Fire(0), state));

        Assert.Equal(Time.At(-40), fired.FiredFor);
        Assert.Equal(Time.At(20), fired.NextTimestamp);
    }

    [Fact]
    public void Firing_needs_the_id_of_the_task_to_create()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(new FireSchedule(Guid.Empty, Time.At(100)), Active()), "taskId");
    }

    [Fact]
    public void Deleting_a_schedule_ends_it()
    {
        var deleted = DecisionAssert.AcceptedSingle<IScheduleEvent, ScheduleDeleted>(Aggregate.Decide(new DeleteSchedule(Dave, Time.At(7)), Active()));
        var state = Aggregate.Evolve(Active(), deleted)!;

        Assert.True(state.IsDeleted);
        Assert.Equal("deleted", state.StatusName);
        Assert.Equal(Time.At(7), state.DeletedTimestamp);
        Assert.True(Aggregate.IsTerminal(state));
    }

    [Fact]
    public void A_deleted_schedule_does_not_fire()
    {
        var error = DecisionAssert.Rejected<IScheduleEvent, IllegalStateError>(Aggregate.Decide(Fire(1000), Deleted()));

        Assert.Equal("deleted", error.CurrentStatus);
    }

    [Fact]
    public void Deleting_a_deleted_schedule_is_not_found()
    {
        DecisionAssert.Rejected<IScheduleEvent, NotFoundError>(Aggregate.Decide(new DeleteSchedule(Dave, Time.At(9)), Deleted()));
    }

    [Fact]
    public void Commands_to_a_missing_schedule_are_not_found()
    {
        DecisionAssert.Rejected<IScheduleEvent, NotFoundError>(Aggregate.Decide(new DeleteSchedule(Dave, Time.At(9)), null));
        DecisionAssert.Rejected<IScheduleEvent, NotFoundError>(Aggregate.Decide(Fire(100), null));
    }

    [Fact]
    public void Only_a_deleted_schedule_is_terminal()
    {
        Assert.False(Aggregate.IsTerminal(null));
        Assert.False(Aggregate.IsTerminal(Active()));
        Assert.True(Aggregate.IsTerminal(Deleted()));
    }
}
