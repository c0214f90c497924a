namespace Tasks.Domain.Tests.Support;

/// <summary>A fixed clock for specs: the domain reads no clock, so every time is an input.</summary>
internal static class Time
{
    // A non-UTC offset on purpose: arithmetic must work on instants, not on wall-clock fields.
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(2));

    public static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);
}
