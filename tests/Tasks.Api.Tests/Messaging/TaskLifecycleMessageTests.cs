using System.Text.Json;
using Tasks.Api.Messages;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Log;
using Tasks.EventStore.Streams;

namespace Tasks.Api.Tests.Messaging;

public sealed class TaskLifecycleMessageTests
{
    private static readonly Guid TaskId = Guid.Parse("0193a4c2-6f1e-7c55-9a3e-2b7f0c1d9e41");
    private static readonly DateTimeOffset At = new(2026, 11, 22, 10, 0, 31, TimeSpan.Zero);

    [Fact]
    public void A_failure_is_published_as_task_failed_with_the_documented_body()
    {
        var (routingKey, body) = TaskLifecycleMessages.From(Event(new TaskFailed(new TaskError("timeout", "TimeoutError", "too slow"), At)), "send-invoice")!.Value;

        using var json = JsonDocument.Parse(body);
        Assert.Equal("task.failed", routingKey);
        Assert.Equal("task_failed", json.RootElement.GetProperty("type").GetString());
        var content = json.RootElement.GetProperty("content");
        Assert.Equal(TaskId, content.GetProperty("id").GetGuid());
        Assert.Equal("send-invoice", content.GetProperty("functionName").GetString());
        var error = content.GetProperty("error");
        Assert.Equal(("timeout", "TimeoutError", "too slow"), (error.GetProperty("type").GetString(), error.GetProperty("name").GetString(), error.GetProperty("message").GetString()));
        Assert.Equal(At, content.GetProperty("failedAt").GetDateTimeOffset());
    }

    [Fact]
    public void Every_lifecycle_change_has_its_routing_key_and_a_deferral_is_not_published()
    {
        var error = new TaskError("e", "E", "m");
        var keys = new object[]
        {
            new TaskStarted(At.AddMinutes(1), At),
            new TaskCompleted("{\"ok\":true}", At),
            new TaskCancelled(Actor.System, At),
            new TaskRetried(error, Guid.NewGuid(), At.AddSeconds(2), At),
        }.Select(e => TaskLifecycleMessages.From(Event(e), "f")!.Value.RoutingKey);

        Assert.Equal(["task.started", "task.completed", "task.canceled", "task.retried"], keys);
        Assert.Null(TaskLifecycleMessages.From(Event(new TaskDeferred(At.AddSeconds(5), "throttled", At)), "f"));
    }

    [Fact]
    public void A_completion_carries_the_result_as_json()
    {
        var (_, body) = TaskLifecycleMessages.From(Event(new TaskCompleted("{\"sum\":5}", At)), "adder")!.Value;

        using var json = JsonDocument.Parse(body);
        Assert.Equal(5, json.RootElement.GetProperty("content").GetProperty("result").GetProperty("sum").GetInt32());
    }

    private static RecordedEvent Event(object data) =>
        new(LogPosition.Start, Guid.NewGuid(), TaskId, "task", 2, "t", data, At, EventMetadata.None);
}
