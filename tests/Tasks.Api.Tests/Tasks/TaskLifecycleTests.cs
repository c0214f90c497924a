using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Tasks;

[Collection(ApiHostGroup.Name)]
public sealed class TaskLifecycleTests(ApiHost api)
{
    [Fact]
    public async Task A_created_task_is_new_and_can_be_read_back()
    {
        var function = await Setup.CreateFunctionAsync(api, defaultPriority: 7);

        var created = await api.AdminAsync(
            "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id status functionName priority data tags createdByUserId } errors { code message field } } }",
            new { input = new { functionName = function, data = new { size = 3 }, tags = new[] { "a", "b" } } });

        var task = created.At("createTask.task");
        Assert.Equal("NEW", task.GetProperty("status").GetString());
        Assert.Equal(7, task.GetProperty("priority").GetInt32());
        Assert.Equal(3, task.GetProperty("data").GetProperty("size").GetInt32());
        Assert.Equal("admin", task.GetProperty("createdByUserId").GetString());
        Assert.Empty(created.At("createTask.errors").EnumerateArray());
        var id = task.GetProperty("id").GetString();

        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { id status tags version } }", new { id });

        Assert.Equal(id, read.At("task.id").GetString());
        Assert.Equal(["a", "b"], read.At("task.tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, read.At("task.version").GetInt32());
    }

    [Fact]
    public async Task Cancelling_a_new_task_makes_it_canceled_and_cancelling_again_is_an_illegal_state()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        const string Cancel = "mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } errors { __typename code ... on IllegalStateError { currentStatus attemptedAction } } } }";

        var first = await api.AdminAsync(Cancel, new { id });
        var second = await api.AdminAsync(Cancel, new { id });

        Assert.Equal("CANCELED", first.At("cancelTask.task.status").GetString());
        var error = Assert.Single(second.At("cancelTask.errors").EnumerateArray());
        Assert.Equal("IllegalStateError", error.GetProperty("__typename").GetString());
        Assert.Equal("ILLEGAL_STATE", error.GetProperty("code").GetString());
        Assert.Equal("canceled", error.GetProperty("currentStatus").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.At("cancelTask.task").ValueKind);
    }

    [Fact]
    public async Task Cancelling_an_unknown_task_is_not_found()
    {
        var response = await api.AdminAsync("mutation { cancelTask(input: { id: \"0190c2a4-5b1e-7c3d-9f00-2a4b6c8d0e1f\" }) { errors { code ... on NotFoundError { entity } } } }");

        var error = Assert.Single(response.At("cancelTask.errors").EnumerateArray());
        Assert.Equal("NOT_FOUND", error.GetProperty("code").GetString());
        Assert.Equal("task", error.GetProperty("entity").GetString());
    }
}
