using Tasks.EventStore.Log;

namespace Tasks.Projections.Daemon;

/// <summary>How far an asynchronous projection has got, for operators.</summary>
/// <param name="Name">The projection.</param>
/// <param name="Checkpoint">The last event it applied.</param>
/// <param name="ReadableHead">The last event it could apply now.</param>
/// <param name="EventsBehind">How many events it has still to apply (counted up to a bound, see <see cref="ProjectionDaemon.LagCountLimit"/>).</param>
/// <param name="LastProcessedAt">When this process last applied a batch of it, if ever.</param>
public sealed record ProjectionStatus(string Name, LogPosition Checkpoint, LogPosition ReadableHead, long EventsBehind, DateTimeOffset? LastProcessedAt);
