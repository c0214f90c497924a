using Tasks.Domain.Schedules;
using Tasks.Domain.Tests.Support;

namespace Tasks.Domain.Tests.Schedules;

public sealed class ScheduleSlotsSpecs
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(59, 0)]
    [InlineData(60, 60)]
    [InlineData(61, 60)]
    [InlineData(3599, 3540)]
    public void The_slot_at_or_before_a_time_is_on_the_grid(int atSeconds, int slotSeconds)
    {
        Assert.Equal(Time.At(slotSeconds), ScheduleSlots.SlotAtOrBefore(Time.T0, 60, Time.At(atSeconds)));
    }

    [Theory]
    [InlineData(-10, 0)]
    [InlineData(0, 60)]
    [InlineData(59, 60)]
    [InlineData(60, 120)]
    [InlineData(61, 120)]
    public void The_next_slot_is_strictly_after_the_time(int atSeconds, int nextSeconds)
    {
        Assert.Equal(Time.At(nextSeconds), ScheduleSlots.FirstSlotAfter(Time.T0, 60, Time.At(atSeconds)));
    }

    [Fact]
    public void There_is_no_slot_before_the_first()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleSlots.SlotAtOrBefore(Time.T0, 60, Time.At(-1)));
    }

    [Fact]
    public void Slots_are_computed_on_instants_whatever_the_offsets()
    {
        var startInTokyo = Time.T0.ToOffset(TimeSpan.FromHours(9));
        var atInNewYork = Time.At(125).ToOffset(TimeSpan.FromHours(-5));

        Assert.Equal(Time.At(120), ScheduleSlots.SlotAtOrBefore(startInTokyo, 60, atInNewYork));
    }

    [Fact]
    public void The_grid_ends_with_the_calendar()
    {
        var start = DateTimeOffset.MaxValue.AddDays(-1);

        Assert.Equal(DateTimeOffset.MaxValue, ScheduleSlots.FirstSlotAfter(start, ScheduleLimits.MaxIntervalSeconds, start));
    }
}
