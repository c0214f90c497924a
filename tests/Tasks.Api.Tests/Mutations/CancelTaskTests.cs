using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class CancelTaskTests(ApiHost api)
{
    private const string Cancel = "mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { id status statusChangedTimestamp version } " + Payloads.ErrorFields + " } }";

    [Fact]
    public async Task Cancelling_a_new_task_makes_it_canceled_for_readers_too()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);

        var response = await api.AdminAsync(Cancel, new { id });

        Payloads.NoErrors(response.At("cancelTask.errors"));
        Assert.Equal(id, response.At("cancelTask.task.id").GetString());
        Assert.Equal("CANCELED", response.At("cancelTask.task.status").GetString());
        Assert.Equal(2, response.At("cancelTask.task.version").GetInt32());
        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { status history { type actor { userId } } } }", new { id });
        Assert.Equal("CANCELED", read.At("task.status").GetString());
        Assert.Equal(["CREATED", "CANCELED"], read.At("task.history").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal("admin", read.At("task.history.1.actor.userId").GetString());
    }

    [Fact]
    public async Task Cancelling_a_canceled_task_is_an_illegal_state_naming_the_status_and_the_action()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        await api.AdminAsync(Cancel, new { id });

        var again = await api.AdminAsync(Cancel, new { id });

        var error = Payloads.SingleError(again.At("cancelTask.errors"), "IllegalStateError", "ILLEGAL_STATE", null);
        Assert.Equal("canceled", error.GetProperty("currentStatus").GetString());
        Assert.Equal("cancel", error.GetProperty("attemptedAction").GetString());
        Assert.True(Payloads.IsNull(again.At("cancelTask.task")));
        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { version } }", new { id });
        Assert.Equal(2, read.At("task.version").GetInt32());
    }

    [Fact]
    public async Task Cancelling_an_unknown_task_is_not_found()
    {
        var response = await api.AdminAsync(Cancel, new { id = Guid.NewGuid() });

        var error = Payloads.SingleError(response.At("cancelTask.errors"), "NotFoundError", "NOT_FOUND", null);
        Assert.Equal("task", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(response.At("cancelTask.task")));
    }
}
