namespace Tasks.Messaging.Connections;

/// <summary>Exponential backoff: 200 ms doubling up to 30 s.</summary>
public static class Backoff
{
    /// <summary>The first wait.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(30);

    /// <summary>The wait after <paramref name="current"/>: doubled, at most <paramref name="maximum"/> (default <see cref="Maximum"/>).</summary>
    public static TimeSpan Next(TimeSpan current, TimeSpan? maximum = null)
    {
        var cap = maximum ?? Maximum;
        var doubled = current * 2;
        return doubled > cap ? cap : doubled;
    }
}
