using System.Globalization;
using System.Text;

namespace Tasks.Messaging.Handling;

/// <summary>A message as delivered to a <see cref="MessageHandler"/>. Its body is a copy: the handler may keep it.</summary>
/// <param name="MessageId">The AMQP <c>message_id</c>, when the publisher set one.</param>
/// <param name="Exchange">The exchange it was published to.</param>
/// <param name="RoutingKey">The routing key it was published with.</param>
/// <param name="ContentType">The AMQP <c>content_type</c>, when set.</param>
/// <param name="Body">The payload.</param>
/// <param name="Headers">Application headers as the client decodes them (AMQP strings arrive as UTF-8 <c>byte[]</c>; see <see cref="GetHeaderString"/>).</param>
/// <param name="Redelivered">Whether the broker delivered it before (to this or another consumer) without an acknowledgement.</param>
public sealed record IncomingMessage(
    string? MessageId,
    string Exchange,
    string RoutingKey,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, object?> Headers,
    bool Redelivered)
{
    /// <summary>A header's value as text: UTF-8 bytes decoded, other values formatted invariantly; null when absent.</summary>
    public string? GetHeaderString(string name) =>
        Headers.TryGetValue(name, out var value) ? HeaderText(value) : null;

    /// <summary>An AMQP header value as text: UTF-8 bytes decoded, other values formatted invariantly.</summary>
    public static string? HeaderText(object? value) => value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
