using Tasks.EventStore.Log;

namespace Tasks.EventStore.Streams;

/// <summary>An event as stored: its place in the log and its stream, its payload, and its metadata.</summary>
/// <param name="Position">Where it stands in the global log.</param>
/// <param name="EventId">Its unique, time-ordered id.</param>
/// <param name="StreamId">The stream it belongs to.</param>
/// <param name="StreamType">The kind of stream (for example <c>task</c>).</param>
/// <param name="Version">Its version within the stream, from 1.</param>
/// <param name="Type">Its stable type name.</param>
/// <param name="Data">The payload, upcast to the current schema version.</param>
/// <param name="RecordedAt">When its transaction started.</param>
/// <param name="Metadata">Correlation, causation and actor.</param>
public sealed record RecordedEvent(
    LogPosition Position,
    Guid EventId,
    Guid StreamId,
    string StreamType,
    int Version,
    string Type,
    object Data,
    DateTimeOffset RecordedAt,
    EventMetadata Metadata);
