using System.Text;
using System.Text.Json;
using Tasks.Dispatcher.Queue;

namespace Tasks.Dispatcher.Running;

/// <summary>
/// The event a function receives: <c>{"data": &lt;task data&gt;, "task": {"id", "functionName", "priority", "tags",
/// "startTimestamp", "attempt"}}</c>. The data is copied as stored, never re-parsed.
/// </summary>
public static class FunctionEvent
{
    /// <summary>The event for <paramref name="task"/>, as JSON text.</summary>
    public static string For(ClaimedTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        using var buffer = new MemoryStream(task.DataJson.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data");
            writer.WriteRawValue(task.DataJson, skipInputValidation: true);
            writer.WriteStartObject("task");
            writer.WriteString("id", task.TaskId);
            writer.WriteString("functionName", task.FunctionName);
            writer.WriteNumber("priority", task.Priority);
            writer.WriteStartArray("tags");
            foreach (var tag in task.Tags)
            {
                writer.WriteStringValue(tag);
            }

            writer.WriteEndArray();
            writer.WriteString("startTimestamp", task.StartTimestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteNumber("attempt", task.Attempt);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
