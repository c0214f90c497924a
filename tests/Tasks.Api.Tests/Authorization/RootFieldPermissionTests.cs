using System.Globalization;
using Tasks.Api.Authentication;
using Tasks.Api.Tests.Mutations;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Authorization;

/// <summary>Every root query field and mutation: refused (FORBIDDEN on that field) without its permission, answered with only it.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class RootFieldPermissionTests(ApiHost api)
{
    private const string Errors = "errors { __typename code message }";

    /// <summary>A request for one root field, made ready by an admin (functions, tasks, schedules it needs exist).</summary>
    private sealed record Request(string Query, object Variables);

    public static TheoryData<string, string> Fields => new()
    {
        { "task", Permissions.ViewTasks },
        { "taskAsOf", Permissions.ViewTasks },
        { "tasks", Permissions.ViewTasks },
        { "function", Permissions.ViewTaskFunctions },
        { "functions", Permissions.ViewTaskFunctions },
        { "schedule", Permissions.ViewTaskSchedules },
        { "schedules", Permissions.ViewTaskSchedules },
        { "createTask", Permissions.CreateTasks },
        { "createTasks", Permissions.CreateTasks },
        { "cancelTask", Permissions.CancelTasks },
        { "createFunction", Permissions.CreateTaskFunction },
        { "updateFunction", Permissions.UpdateTaskFunction },
        { "deleteFunction", Permissions.DeleteTaskFunction },
        { "enableFunction", Permissions.UpdateTaskFunction },
        { "disableFunction", Permissions.UpdateTaskFunction },
        { "createSchedule", Permissions.CreateTaskSchedule },
        { "deleteSchedule", Permissions.DeleteTaskSchedule },
        { "executeFunction", Permissions.ExecuteTaskFunction },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_token_with_every_permission_but_the_one_a_field_needs_gets_forbidden_on_that_field(string field, string permission)
    {
        var request = await PrepareAsync(field);
        var token = api.Token(Permissions.All.Where(p => p != permission), user: "limited");

        var response = await api.PostAsync(token, request.Query, request.Variables);

        var error = Payloads.SingleGraphQLError(response);
        Assert.Equal("FORBIDDEN", Payloads.Code(error));
        Assert.Equal(field, Payloads.Path(error));
        Assert.True(Payloads.NamedPermissions(error).Contains(permission), "the error should name the permission: " + response.Text);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task A_token_with_only_the_permission_a_field_needs_is_answered(string field, string permission)
    {
        var request = await PrepareAsync(field);
        var token = api.Token([permission], user: "narrow");

        var response = await api.PostAsync(token, request.Query, request.Variables);

        Assert.True(response.Errors.Count == 0, field + ": " + response.Text);
        var answer = response.At(field);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, answer.ValueKind);
        if (field == "executeFunction")
        {
            // Allowed, and then refused only because no function runtime is configured.
            Payloads.SingleError(answer.GetProperty("errors"), "ExecutionError", "UNAVAILABLE", null);
        }
        else if (field == "createTasks")
        {
            Assert.Equal(1, answer.GetProperty("createdCount").GetInt32());
        }
        else if (answer.TryGetProperty("errors", out var errors))
        {
            Payloads.NoErrors(errors);
        }
    }

    [Fact]
    public async Task A_forbidden_mutation_changes_nothing()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = Guid.NewGuid().ToString();
        var token = api.Token(Permissions.All.Where(p => p != Permissions.CreateTasks));

        var response = await api.PostAsync(token, "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }", new { input = new { id, functionName = function } });

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { id } }", new { id });
        Assert.True(Payloads.IsNull(read.At("task")));
    }

    [Fact]
    public async Task The_viewer_needs_no_permission()
    {
        var response = await api.PostAsync(api.Token([], user: "nobody"), "{ viewer { userId applicationId permissions } }");

        Assert.Equal("nobody", response.At("viewer.userId").GetString());
        Assert.True(Payloads.IsNull(response.At("viewer.applicationId")));
        Assert.Empty(response.At("viewer.permissions").EnumerateArray());
    }

    [Fact]
    public async Task A_token_without_any_permission_is_forbidden_on_each_field_it_asks_for_and_answered_on_the_viewer()
    {
        var response = await api.PostAsync(
            api.Token([], user: "nobody"),
            "query($id: UUID!) { viewer { userId } task(id: $id) { id } function(name: \"any\") { name } schedule(id: $id) { id } }",
            new { id = Guid.NewGuid() });

        Assert.Equal("nobody", response.Data.GetProperty("viewer").GetProperty("userId").GetString());
        Assert.True(Payloads.IsNull(response.Data.GetProperty("task")));
        Assert.Equal(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN"], response.ErrorCodes);
        Assert.Equal(["function", "schedule", "task"], response.Errors.Select(Payloads.Path).Order(StringComparer.Ordinal));
    }

    private async Task<Request> PrepareAsync(string field)
    {
        switch (field)
        {
            case "task":
                return new("query($id: UUID!) { task(id: $id) { id } }", new { id = await NewTaskAsync() });
            case "taskAsOf":
                return new("query($id: UUID!, $at: DateTime!) { taskAsOf(id: $id, at: $at) { id } }", new { id = await NewTaskAsync(), at = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O", CultureInfo.InvariantCulture) });
            case "tasks":
                return new("query { tasks(first: 1) { nodes { id } } }", new { });
            case "function":
                return new("query($name: String!) { function(name: $name) { name } }", new { name = await Setup.CreateFunctionAsync(api) });
            case "functions":
                return new("query { functions(first: 1) { nodes { name } } }", new { });
            case "schedule":
                return new("query($id: UUID!) { schedule(id: $id) { id } }", new { id = await NewScheduleAsync() });
            case "schedules":
                return new("query { schedules(first: 1) { nodes { id } } }", new { });
            case "createTask":
                return new("mutation($f: String!) { createTask(input: { functionName: $f }) { task { id } " + Errors + " } }", new { f = await Setup.CreateFunctionAsync(api) });
            case "createTasks":
                return new("mutation($f: String!) { createTasks(input: { tasks: [{ functionName: $f }] }) { createdCount results { " + Errors + " } } }", new { f = await Setup.CreateFunctionAsync(api) });
            case "cancelTask":
                return new("mutation($id: UUID!) { cancelTask(input: { id: $id }) { task { status } " + Errors + " } }", new { id = await NewTaskAsync() });
            case "createFunction":
                return new("mutation($name: String!) { createFunction(input: { name: $name, entryPoint: \"index.handler\", runtime: \"nodejs22.x\" }) { function { name } " + Errors + " } }", new { name = Payloads.UniqueName("fn") });
            case "updateFunction":
                return new("mutation($name: String!) { updateFunction(input: { name: $name, description: \"changed\" }) { function { name } " + Errors + " } }", new { name = await Setup.CreateFunctionAsync(api) });
            case "deleteFunction":
            case "enableFunction":
            case "disableFunction":
                return new("mutation($name: String!) { " + field + "(input: { name: $name }) { function { name } " + Errors + " } }", new { name = await Setup.CreateFunctionAsync(api) });
            case "createSchedule":
                return new("mutation($f: String!) { createSchedule(input: { functionName: $f, interval: 60 }) { schedule { id } " + Errors + " } }", new { f = await Setup.CreateFunctionAsync(api) });
            case "deleteSchedule":
                return new("mutation($id: UUID!) { deleteSchedule(input: { id: $id }) { schedule { id } " + Errors + " } }", new { id = await NewScheduleAsync() });
            case "executeFunction":
                return new("mutation($name: String!) { executeFunction(input: { functionName: $name }) { taskId errors { __typename code message field } } }", new { name = await Setup.CreateFunctionAsync(api) });
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "no request for this field");
        }
    }

    private async Task<string> NewTaskAsync() => await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));

    private async Task<string> NewScheduleAsync()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var response = await api.AdminAsync("mutation($f: String!) { createSchedule(input: { functionName: $f, interval: 60 }) { schedule { id } } }", new { f = function });
        return response.At("createSchedule.schedule.id").GetString()!;
    }
}
