using System.Globalization;
using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class CreateTaskTests(ApiHost api)
{
    private const string CreateTask =
        "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id status functionName data priority tags startTimestamp creationTimestamp createdByUserId createdByApplicationId version } "
        + Payloads.ErrorFields + " } }";

    [Fact]
    public async Task Concurrent_creations_are_committed_together_yet_each_is_durable_before_its_answer()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var token = api.AdminToken();

        // Enough at once that creations share commits (group commit); each answer must still name a stored task.
        var responses = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            api.PostAsync(token, CreateTask, new { input = new { functionName = function, priority = i } })));

        var ids = responses.Select(r => r.At("createTask.task.id").GetString()!).ToList();
        Assert.Equal(64, ids.Distinct().Count());
        var stored = await api.AdminAsync(
            "query($f: String!) { tasks(where: { functionName: { eq: $f } }, first: 1) { totalCount } }", new { f = function });
        Assert.Equal(64, stored.At("tasks.totalCount").GetInt64());
        foreach (var (response, i) in responses.Select((r, i) => (r, i)))
        {
            Assert.Equal(i, response.At("createTask.task.priority").GetInt32());
        }
    }

    [Fact]
    public async Task A_task_is_created_new_with_the_given_data_priority_tags_and_start()
    {
        var function = await Setup.CreateFunctionAsync(api, defaultPriority: 7);
        var start = DateTimeOffset.UtcNow.AddHours(3);

        var response = await api.AdminAsync(CreateTask, new
        {
            input = new { functionName = function, data = new { size = 3, nested = new { ok = true } }, priority = -4, tags = new[] { "x", "y" }, startTimestamp = start.ToString("O", CultureInfo.InvariantCulture) },
        });

        Payloads.NoErrors(response.At("createTask.errors"));
        var task = response.At("createTask.task");
        Assert.Equal("NEW", task.GetProperty("status").GetString());
        Assert.Equal(function, task.GetProperty("functionName").GetString());
        Assert.Equal(3, task.GetProperty("data").GetProperty("size").GetInt32());
        Assert.True(task.GetProperty("data").GetProperty("nested").GetProperty("ok").GetBoolean());
        Assert.Equal(-4, task.GetProperty("priority").GetInt32());
        Assert.Equal(["x", "y"], task.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(start, Instant(task, "startTimestamp"), TimeSpan.FromMilliseconds(1));
        Assert.Equal("admin", task.GetProperty("createdByUserId").GetString());
        Assert.True(Payloads.IsNull(task.GetProperty("createdByApplicationId")));
        Assert.Equal(1, task.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Without_a_priority_a_task_takes_the_functions_default_priority()
    {
        var function = await Setup.CreateFunctionAsync(api, defaultPriority: 7);

        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = function } });

        Assert.Equal(7, response.At("createTask.task.priority").GetInt32());
    }

    [Fact]
    public async Task Without_a_priority_or_a_function_default_a_task_has_priority_zero()
    {
        var function = await Setup.CreateFunctionAsync(api);

        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = function } });

        Assert.Equal(0, response.At("createTask.task.priority").GetInt32());
    }

    [Fact]
    public async Task Without_a_start_timestamp_a_task_starts_now_and_without_data_it_gets_an_empty_object()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var before = DateTimeOffset.UtcNow;

        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = function } });

        var after = DateTimeOffset.UtcNow;
        var task = response.At("createTask.task");
        var start = Instant(task, "startTimestamp");
        Assert.InRange(start, before.AddSeconds(-1), after.AddSeconds(1));
        Assert.Equal(Instant(task, "creationTimestamp"), start);
        Assert.Equal(JsonValueKind.Object, task.GetProperty("data").ValueKind);
        Assert.Empty(task.GetProperty("data").EnumerateObject());
        Assert.Empty(task.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task A_task_of_an_unknown_function_is_not_found_on_field_functionName()
    {
        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = Payloads.UniqueName("missing") } });

        var error = Payloads.SingleError(response.At("createTask.errors"), "NotFoundError", "NOT_FOUND", "functionName");
        Assert.Equal("function", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(response.At("createTask.task")));
    }

    public static TheoryData<string> NonObjectData => new() { "[1,2,3]", "\"text\"", "42", "true" };

    [Theory]
    [MemberData(nameof(NonObjectData))]
    public async Task Data_that_is_not_a_json_object_is_a_validation_error_on_field_data(string json)
    {
        var function = await Setup.CreateFunctionAsync(api);
        using var data = JsonDocument.Parse(json);

        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = function, data = data.RootElement } });

        Payloads.SingleError(response.At("createTask.errors"), "ValidationError", "VALIDATION", "data");
        Assert.True(Payloads.IsNull(response.At("createTask.task")));
    }

    [Fact]
    public async Task Data_larger_than_256000_bytes_is_a_validation_error_on_field_data()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var tooBig = new { blob = new string('x', 256_000) };

        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = function, data = tooBig } });

        Payloads.SingleError(response.At("createTask.errors"), "ValidationError", "VALIDATION", "data");
    }

    [Fact]
    public async Task Data_of_just_under_256000_bytes_is_accepted()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var justFits = new { blob = new string('x', 256_000 - "{\"blob\":\"\"}".Length) };

        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = function, data = justFits } });

        Payloads.NoErrors(response.At("createTask.errors"));
        Assert.Equal(justFits.blob.Length, response.At("createTask.task.data.blob").GetString()!.Length);
    }

    public static TheoryData<string[]> BadTags => new()
    {
        new[] { "ok", "" },
        new[] { "   " },
        new[] { new string('t', 257) },
        Enumerable.Range(0, 101).Select(i => "t" + i).ToArray(),
    };

    [Theory]
    [MemberData(nameof(BadTags))]
    public async Task Blank_overlong_or_too_many_tags_are_a_validation_error_on_field_tags(string[] tags)
    {
        var function = await Setup.CreateFunctionAsync(api);

        var response = await api.AdminAsync(CreateTask, new { input = new { functionName = function, tags } });

        Payloads.SingleError(response.At("createTask.errors"), "ValidationError", "VALIDATION", "tags");
        Assert.True(Payloads.IsNull(response.At("createTask.task")));
    }

    [Fact]
    public async Task A_caller_chosen_id_is_kept_and_creating_it_again_is_already_exists_on_field_id()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = Guid.NewGuid().ToString();

        var first = await api.AdminAsync(CreateTask, new { input = new { id, functionName = function, data = new { attempt = 1 } } });
        var second = await api.AdminAsync(CreateTask, new { input = new { id, functionName = function, data = new { attempt = 2 } } });

        Assert.Equal(id, first.At("createTask.task.id").GetString());
        var error = Payloads.SingleError(second.At("createTask.errors"), "AlreadyExistsError", "ALREADY_EXISTS", "id");
        Assert.Equal("task", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(second.At("createTask.task")));
        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { data version } }", new { id });
        Assert.Equal(1, read.At("task.data.attempt").GetInt32());
        Assert.Equal(1, read.At("task.version").GetInt32());
    }

    [Fact]
    public async Task A_task_created_by_an_application_records_its_application_id_and_no_user()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var token = api.Token(["CREATE_TASKS"], user: null, application: "billing-app");

        var response = await api.PostAsync(token, CreateTask, new { input = new { functionName = function } });

        var task = response.At("createTask.task");
        Assert.Equal("billing-app", task.GetProperty("createdByApplicationId").GetString());
        Assert.True(Payloads.IsNull(task.GetProperty("createdByUserId")));
    }

    [Fact]
    public async Task The_X_Correlation_Id_header_is_recorded_on_the_event_the_mutation_writes()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var correlation = Guid.NewGuid().ToString();

        var created = await Payloads.PostWithHeadersAsync(
            api,
            api.Token(["CREATE_TASKS", "VIEW_TASKS"], user: "carol", application: "portal"),
            "mutation($f: String!) { createTask(input: { functionName: $f }) { task { id history { type correlationId actor { userId applicationId } } } errors { code } } }",
            new { f = function },
            new Dictionary<string, string> { ["X-Correlation-Id"] = correlation });

        var recorded = Assert.Single(created.At("createTask.task.history").EnumerateArray());
        Assert.Equal("CREATED", recorded.GetProperty("type").GetString());
        Assert.Equal(correlation, recorded.GetProperty("correlationId").GetString());
        Assert.Equal("carol", recorded.GetProperty("actor").GetProperty("userId").GetString());
        Assert.Equal("portal", recorded.GetProperty("actor").GetProperty("applicationId").GetString());
    }

    private static DateTimeOffset Instant(JsonElement element, string name) =>
        DateTimeOffset.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
