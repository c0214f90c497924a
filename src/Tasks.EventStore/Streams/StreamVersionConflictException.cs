namespace Tasks.EventStore.Streams;

/// <summary>Another writer appended to the stream first: the caller's view of it is stale.</summary>
public sealed class StreamVersionConflictException(Guid streamId, ExpectedVersion expected, Exception? inner = null)
    : Exception($"stream {streamId} is no longer at {expected}", inner)
{
    /// <summary>The stream written to.</summary>
    public Guid StreamId { get; } = streamId;

    /// <summary>What the writer expected.</summary>
    public ExpectedVersion Expected { get; } = expected;
}
