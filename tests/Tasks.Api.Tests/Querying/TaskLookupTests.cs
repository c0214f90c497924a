using System.Text.Json;
using Tasks.Api.Authentication;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary><c>task(id)</c>, the fields of <c>Task</c>, <c>viewer</c>, and the permissions reading needs.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskLookupTests(ApiHost api)
{
    private const string AllFields =
        "id status statusChangedTimestamp functionName data startTimestamp priority tags creationTimestamp updateTimestamp " +
        "createdByUserId createdByApplicationId retriedByTaskId retryForTaskIds retriedBy { id } retryFor { id } error { type name message } version";

    [Fact]
    public async Task A_task_is_read_by_id_with_every_stored_field()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var created = await api.AdminAsync(
            "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } errors { code message field } } }",
            new { input = new { functionName = function, data = new { size = 3, name = "x", nested = new[] { 1, 2 } }, tags = new[] { "b", "a" }, priority = 4, startTimestamp = "2030-12-31T23:00:00.123456Z" } });
        var id = created.At("createTask.task.id").GetString();

        var response = await api.AdminAsync($"query($id: UUID!) {{ task(id: $id) {{ {AllFields} }} }}", new { id });

        var task = response.At("task");
        Assert.Equal(id, task.GetProperty("id").GetString());
        Assert.Equal("NEW", task.GetProperty("status").GetString());
        Assert.Equal(function, task.GetProperty("functionName").GetString());
        var data = task.GetProperty("data");
        Assert.Equal(3, data.EnumerateObject().Count());
        Assert.Equal(3, data.GetProperty("size").GetInt32());
        Assert.Equal("x", data.GetProperty("name").GetString());
        Assert.Equal("[1,2]", JsonSerializer.Serialize(data.GetProperty("nested")));
        Assert.Equal(new DateTimeOffset(2030, 12, 31, 23, 0, 0, TimeSpan.Zero).AddTicks(1_234_560), Gql.Instant(task.GetProperty("startTimestamp")));
        Assert.Equal(4, task.GetProperty("priority").GetInt32());
        Assert.Equal(["b", "a"], Gql.Strings(task.GetProperty("tags")));
        Assert.Equal(task.GetProperty("creationTimestamp").GetString(), task.GetProperty("updateTimestamp").GetString());
        Assert.Equal(task.GetProperty("creationTimestamp").GetString(), task.GetProperty("statusChangedTimestamp").GetString());
        Assert.Equal("admin", task.GetProperty("createdByUserId").GetString());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("createdByApplicationId").ValueKind);
        Assert.Equal(JsonValueKind.Null, task.GetProperty("retriedByTaskId").ValueKind);
        Assert.Empty(task.GetProperty("retryForTaskIds").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("retriedBy").ValueKind);
        Assert.Empty(task.GetProperty("retryFor").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("error").ValueKind);
        Assert.Equal(1, task.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_start_time_given_with_another_offset_reads_back_as_the_same_instant()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var created = await api.AdminAsync(
            "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id startTimestamp } errors { code message field } } }",
            new { input = new { functionName = function, startTimestamp = "2031-01-01T00:30:00+01:00" } });
        var id = created.At("createTask.task.id").GetString();

        var response = await api.AdminAsync("query($id: UUID!) { task(id: $id) { startTimestamp } }", new { id });

        Assert.Equal(new DateTimeOffset(2030, 12, 31, 23, 30, 0, TimeSpan.Zero), Gql.Instant(response.At("task.startTimestamp")));
    }

    [Fact]
    public async Task A_task_reads_the_same_by_id_and_in_a_list()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function, priority: 2, tags: ["t"]);

        var byId = await api.AdminAsync($"query($id: UUID!) {{ task(id: $id) {{ {AllFields} }} }}", new { id });
        var listed = await api.AdminAsync($"query($id: UUID!) {{ tasks(where: {{ id: {{ eq: $id }} }}) {{ nodes {{ {AllFields} }} }} }}", new { id });

        Assert.Equal(byId.At("task").GetRawText(), listed.At("tasks.nodes.0").GetRawText());
    }

    [Fact]
    public async Task An_unknown_task_id_reads_as_null_without_an_error()
    {
        var response = await api.AdminAsync("query($id: UUID!) { task(id: $id) { id } }", new { id = Guid.NewGuid() });

        Assert.Equal(JsonValueKind.Null, response.At("task").ValueKind);
    }

    [Fact]
    public async Task An_id_that_is_not_a_canonical_uuid_is_refused()
    {
        var response = await api.AdminAsync("query($id: UUID!) { task(id: $id) { id } }", new { id = "{" + Guid.NewGuid() + "}" });

        Assert.NotEmpty(response.Errors);
        Assert.False(response.Body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object && data.TryGetProperty("task", out var task) && task.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task The_creator_of_a_task_is_the_user_and_the_application_of_the_token()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var both = await scope.CreateAsync("both", token: api.Token([Permissions.CreateTasks], "u-both", "app-both"));
        var app = await scope.CreateAsync("app", token: api.Token([Permissions.CreateTasks], null, "app-only"));

        var response = await api.AdminAsync(
            "query($both: UUID!, $app: UUID!) { both: task(id: $both) { createdByUserId createdByApplicationId } app: task(id: $app) { createdByUserId createdByApplicationId } }",
            new { both, app });

        Assert.Equal("u-both", response.At("both.createdByUserId").GetString());
        Assert.Equal("app-both", response.At("both.createdByApplicationId").GetString());
        Assert.Equal(JsonValueKind.Null, response.At("app.createdByUserId").ValueKind);
        Assert.Equal("app-only", response.At("app.createdByApplicationId").GetString());
    }

    [Fact]
    public async Task Each_status_reads_as_its_enum_value_with_the_error_of_failed_and_retried_tasks()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, new DateTimeOffset(2030, 6, 1, 0, 0, 0, TimeSpan.Zero));

        var response = await api.AdminAsync($"{{ tasks(where: {scope.Isolation}) {{ nodes {{ id status version error {{ type name message }} }} }} }}");

        var byLabel = response.At("tasks.nodes").EnumerateArray().ToDictionary(n => scope.Label(n.GetProperty("id").GetString()!));
        var expected = new Dictionary<string, (string Status, int Version)>
        {
            ["new"] = ("NEW", 1),
            ["canceled"] = ("CANCELED", 2),
            ["inProgress"] = ("IN_PROGRESS", 2),
            ["complete"] = ("COMPLETE", 3),
            ["failed"] = ("FAILED", 3),
            ["retried"] = ("RETRIED", 3),
            ["retry"] = ("NEW", 1),
        };
        Assert.Equal(Gql.Sorted(expected.Keys), Gql.Sorted(byLabel.Keys));
        foreach (var (label, (status, version)) in expected)
        {
            Assert.True(status == byLabel[label].GetProperty("status").GetString(), $"{label}: {byLabel[label]}");
            Assert.True(version == byLabel[label].GetProperty("version").GetInt32(), $"{label}: {byLabel[label]}");
        }

        Assert.Equal("""{"type":"Timeout","name":"TimeoutError","message":"took too long"}""", byLabel["failed"].GetProperty("error").GetRawText());
        Assert.Equal("""{"type":"Throttled","name":"ThrottleError","message":"slow down: 429"}""", byLabel["retried"].GetProperty("error").GetRawText());
        Assert.Equal(JsonValueKind.Null, byLabel["complete"].GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Reading_tasks_needs_view_tasks()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        var token = api.Token([Permissions.ViewTaskFunctions]);

        var one = await api.PostAsync(token, "query($id: UUID!) { task(id: $id) { id } }", new { id });
        var many = await api.PostAsync(token, "{ tasks { nodes { id } } }");
        var asOf = await api.PostAsync(token, "query($id: UUID!) { taskAsOf(id: $id, at: \"2030-01-01T00:00:00Z\") { id } }", new { id });

        Assert.Equal(["FORBIDDEN"], one.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, one.Data.GetProperty("task").ValueKind);
        Assert.Equal(["FORBIDDEN"], many.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], asOf.ErrorCodes);
    }

    [Fact]
    public async Task The_viewer_is_the_caller_as_the_token_describes_it()
    {
        var response = await api.PostAsync(
            api.Token([Permissions.ViewTasks, Permissions.CreateTasks, "EXECUTE_TASK_FUNCTION:resize"], "u-viewer", "app-viewer"),
            "{ viewer { userId applicationId permissions } }");

        Assert.Equal("u-viewer", response.At("viewer.userId").GetString());
        Assert.Equal("app-viewer", response.At("viewer.applicationId").GetString());
        Assert.Equal(Gql.Sorted([Permissions.ViewTasks, Permissions.CreateTasks, "EXECUTE_TASK_FUNCTION:resize"]), Gql.Strings(response.At("viewer.permissions")));
    }
}
