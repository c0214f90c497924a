namespace Tasks.Domain.Schedules;

/// <summary>The range of a schedule's interval.</summary>
public static class ScheduleLimits
{
    /// <summary>The shortest interval: one second.</summary>
    public const int MinIntervalSeconds = 1;

    /// <summary>The longest interval: 366 days (a yearly schedule in a leap year).</summary>
    public const int MaxIntervalSeconds = 366 * 24 * 60 * 60;
}
