namespace Tasks.Messaging.Publishing;

/// <summary>A message to publish: persistent, JSON unless said otherwise.</summary>
/// <param name="Exchange">The exchange to publish to (<c>""</c> is the default exchange, which routes by queue name).</param>
/// <param name="RoutingKey">The routing key.</param>
/// <param name="MessageId">The AMQP <c>message_id</c>: consumers deduplicate by it.</param>
/// <param name="Body">The payload.</param>
public sealed record OutgoingMessage(string Exchange, string RoutingKey, string MessageId, ReadOnlyMemory<byte> Body)
{
    /// <summary>Application headers (AMQP field table values: strings, numbers, booleans, byte arrays, nested tables and lists).</summary>
    public IReadOnlyDictionary<string, object?>? Headers { get; init; }

    /// <summary>The <c>content_type</c> property (default <c>application/json</c>).</summary>
    public string ContentType { get; init; } = "application/json";

    /// <summary>The <c>type</c> property, when set (for example the event's type name).</summary>
    public string? Type { get; init; }

    /// <summary>The <c>correlation_id</c> property, when set.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The <c>timestamp</c> property (whole seconds), when set.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>
    /// Whether an unroutable message is an error (basic.return). Leave it off for fan-out to exchanges that may have no
    /// bound queue yet (events); set it where the message must reach a queue (dead letters).
    /// </summary>
    public bool Mandatory { get; init; }
}
