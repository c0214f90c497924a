namespace Tasks.EventStore.Streams;

/// <summary>
/// What a writer believes a stream's version to be. A stream is at version 0 before its first event.
/// An append succeeds only if the belief holds; otherwise it fails with <see cref="StreamVersionConflictException"/>.
/// </summary>
public readonly record struct ExpectedVersion
{
    private ExpectedVersion(int value) => Value = value;

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion NoStream { get; } = new(0);

    /// <summary>The version the stream must be at; 0 means it must not exist.</summary>
    public int Value { get; }

    /// <summary>The stream must be exactly at <paramref name="version"/>.</summary>
    public static ExpectedVersion Exactly(int version) =>
        version >= 0 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), version, "a stream version is never negative");

    /// <inheritdoc />
    public override string ToString() => Value == 0 ? "no stream" : $"version {Value}";
}
