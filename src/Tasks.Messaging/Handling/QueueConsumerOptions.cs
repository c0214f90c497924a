using Tasks.Messaging.Connections;

namespace Tasks.Messaging.Handling;

/// <summary>How a <see cref="QueueConsumer"/> consumes its queue.</summary>
/// <param name="Queue">The queue consumed.</param>
/// <param name="DeadLetterQueue">Where rejected messages are published (through the default exchange).</param>
public sealed record QueueConsumerOptions(string Queue, string DeadLetterQueue)
{
    /// <summary>Unacknowledged messages the broker sends ahead (basic.qos; default 256).</summary>
    public ushort Prefetch { get; init; } = 256;

    /// <summary>Messages handled at the same time (the channel's consumer dispatch concurrency; default 64).</summary>
    public ushort Concurrency { get; init; } = 64;

    /// <summary>The first wait before a handler is called again after a transient failure (default 200 ms).</summary>
    public TimeSpan RetryInitialDelay { get; init; } = Backoff.Initial;

    /// <summary>The longest wait between attempts (default 30 s).</summary>
    public TimeSpan RetryMaxDelay { get; init; } = Backoff.Maximum;

    /// <summary>How long shutdown waits for running handlers before cancelling them (default 20 s).</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the consumer checks that its channel and registration are alive (default 1 s).</summary>
    public TimeSpan SupervisionInterval { get; init; } = TimeSpan.FromSeconds(1);
}
