using Npgsql;
using Tasks.EventStore.Streams;

namespace Tasks.EventStore.Writing;

/// <summary>
/// A read model kept in step with the log inside the same transaction as the events it reflects,
/// so a reader of that model never sees a command half applied.
/// </summary>
public interface IInlineProjection
{
    /// <summary>Adds the statements that apply <paramref name="events"/> to the read model.</summary>
    void Project(IReadOnlyList<PendingEvent> events, ICollection<NpgsqlBatchCommand> statements);
}
