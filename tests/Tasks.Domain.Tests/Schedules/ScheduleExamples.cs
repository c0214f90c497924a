using Tasks.Domain.Deciding;
using Tasks.Domain.Identity;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;

namespace Tasks.Domain.Tests.Schedules;

internal static class ScheduleExamples
{
    public static readonly Guid ScheduleId = Guid.Parse("0195a0c0-0000-7000-8000-0000000000aa");
    public static readonly Actor Dave = new("dave", "ops");

    public static ScheduleDecider Aggregate => ScheduleDecider.Instance;

    /// <summary>Every 60 s from T0+100 s, created at T0.</summary>
    public static CreateSchedule Create() =>
        new(ScheduleId, "nightly-report", TaskData.Create("""{"kind":"report"}"""), 2, ["reports"], Time.At(100), 60, Dave, Time.T0);

    public static ScheduleState Given(CreateSchedule create, params IScheduleCommand[] commands)
    {
        var state = Aggregate.Fold(DecisionAssert.Accepted(Aggregate.Decide(create, null)));
        foreach (var command in commands)
        {
            state = Aggregate.Fold(state, DecisionAssert.Accepted(Aggregate.Decide(command, state)));
        }

        return state!;
    }

    public static ScheduleState Active() => Given(Create());

    public static ScheduleState Deleted() => Given(Create(), new DeleteSchedule(Dave, Time.At(1)));

    public static FireSchedule Fire(double atSeconds) => new(Guid.NewGuid(), Time.At(atSeconds));
}
