namespace Tasks.Dispatcher.Queue;

/// <summary>How many tasks may run at once across every dispatcher: in total, and per function.</summary>
/// <param name="Global">The most tasks in progress at once.</param>
/// <param name="PerFunction">The most tasks of one function in progress at once, by function name; absent means only the global limit applies.</param>
public sealed record ConcurrencyLimits(int Global, IReadOnlyDictionary<string, int> PerFunction);
