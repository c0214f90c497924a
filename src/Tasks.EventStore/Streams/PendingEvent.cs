namespace Tasks.EventStore.Streams;

/// <summary>An event in a unit of work, not yet committed.</summary>
/// <param name="EventId">Its unique, time-ordered id.</param>
/// <param name="StreamId">The stream it is appended to.</param>
/// <param name="StreamType">The kind of stream.</param>
/// <param name="Version">The version it will have in its stream.</param>
/// <param name="Data">The payload.</param>
/// <param name="Metadata">Correlation, causation and actor.</param>
public sealed record PendingEvent(Guid EventId, Guid StreamId, string StreamType, int Version, object Data, EventMetadata Metadata);
