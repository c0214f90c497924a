using System.Buffers;
using System.Text.Json;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.Messaging.Contracts;

namespace Tasks.Api.Messages;

/// <summary>
/// Turns task events into lifecycle messages (docs/messages.md): <c>{"type": "task_failed", "content": {"id",
/// "functionName", …}}</c> with the routing key <c>task.failed</c>, and so on. A deferral (throttled, due again later)
/// is not a lifecycle change other services act on, and is not published.
/// </summary>
public static class TaskLifecycleMessages
{
    /// <summary>The routing key and JSON body for <paramref name="e"/> of a task running <paramref name="functionName"/>; null when it is not published.</summary>
    public static (string RoutingKey, byte[] Body)? From(RecordedEvent e, string functionName)
    {
        ArgumentNullException.ThrowIfNull(e);
        var route = e.Data switch
        {
            TaskCreated => TaskLifecycleRoutes.Created,
            TaskStarted => TaskLifecycleRoutes.Started,
            TaskCompleted => TaskLifecycleRoutes.Completed,
            TaskFailed => TaskLifecycleRoutes.Failed,
            TaskCancelled => TaskLifecycleRoutes.Canceled,
            TaskRetried => TaskLifecycleRoutes.Retried,
            _ => null,
        };
        if (route is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", TaskLifecycleRoutes.BodyType(route));
            json.WriteStartObject("content");
            json.WriteString("id", e.StreamId);
            json.WriteString("functionName", functionName);
            WriteContent(json, e.Data);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return (route, buffer.WrittenSpan.ToArray());
    }

    private static void WriteContent(Utf8JsonWriter json, object data)
    {
        switch (data)
        {
            case TaskCreated created:
                json.WriteNumber("priority", created.Priority);
                json.WriteStartArray("tags");
                foreach (var tag in created.Tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                json.WriteString("startTimestamp", created.StartTimestamp);
                json.WriteString("createdAt", created.At);
                json.WritePropertyName("data");
                json.WriteRawValue(created.Data.Json, skipInputValidation: true);
                if (created.RetryForTaskIds.Count > 0)
                {
                    json.WriteString("retryOfTaskId", created.RetryForTaskIds[^1]);
                }

                break;
            case TaskStarted started:
                json.WriteString("startedAt", started.At);
                json.WriteString("leaseExpiresAt", started.LeaseExpiresAt);
                break;
            case TaskCompleted completed:
                json.WriteString("completedAt", completed.At);
                if (completed.ResultJson is { } result)
                {
                    json.WritePropertyName("result");
                    json.WriteRawValue(result, skipInputValidation: true);
                }

                break;
            case TaskFailed failed:
                WriteError(json, failed.Error);
                json.WriteString("failedAt", failed.At);
                break;
            case TaskCancelled cancelled:
                json.WriteString("canceledAt", cancelled.At);
                break;
            case TaskRetried retried:
                WriteError(json, retried.Error);
                json.WriteString("retriedByTaskId", retried.RetriedByTaskId);
                json.WriteString("retryAt", retried.RetryAt);
                json.WriteString("retriedAt", retried.At);
                break;
            default:
                break;
        }
    }

    private static void WriteError(Utf8JsonWriter json, TaskError error)
    {
        json.WriteStartObject("error");
        json.WriteString("type", error.Type);
        json.WriteString("name", error.Name);
        json.WriteString("message", error.Message);
        json.WriteEndObject();
    }
}
