using Tasks.Api.Tests.Mutations;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Authorization;

/// <summary>Fields that need more than their parent's permission: a function's details and a task's logs.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class DetailFieldPermissionTests(ApiHost api)
{
    public static TheoryData<string, string> DetailFields => new()
    {
        { "code", "code { sha256 sizeBytes }" },
        { "entryPoint", "entryPoint" },
        { "environmentVariableNames", "environmentVariableNames" },
        { "history", "history { type version }" },
    };

    [Theory]
    [MemberData(nameof(DetailFields))]
    public async Task A_function_detail_without_VIEW_TASK_FUNCTION_DETAILS_is_forbidden_on_that_field(string field, string selection)
    {
        var name = await CreateFunctionWithDetailsAsync();

        var response = await api.PostAsync(api.Token(["VIEW_TASK_FUNCTIONS"]), "query($name: String!) { function(name: $name) { name runtime timeLimit " + selection + " } }", new { name });

        var error = Payloads.SingleGraphQLError(response);
        Assert.Equal("FORBIDDEN", Payloads.Code(error));
        Assert.Equal("function." + field, Payloads.Path(error));
        Assert.Equal(["VIEW_TASK_FUNCTION_DETAILS"], Payloads.NamedPermissions(error));
    }

    [Theory]
    [MemberData(nameof(DetailFields))]
    public async Task A_function_detail_with_VIEW_TASK_FUNCTION_DETAILS_is_answered(string field, string selection)
    {
        var name = await CreateFunctionWithDetailsAsync();

        var response = await api.PostAsync(api.Token(["VIEW_TASK_FUNCTIONS", "VIEW_TASK_FUNCTION_DETAILS"]), "query($name: String!) { function(name: $name) { name " + selection + " } }", new { name });

        var value = response.At("function." + field);
        switch (field)
        {
            case "code":
                Assert.Equal(5, value.GetProperty("sizeBytes").GetInt64());
                break;
            case "entryPoint":
                Assert.Equal("index.handler", value.GetString());
                break;
            case "environmentVariableNames":
                Assert.Equal(["TOKEN"], value.EnumerateArray().Select(v => v.GetString()));
                break;
            default:
                Assert.Equal(["function-registered"], value.EnumerateArray().Select(v => v.GetProperty("type").GetString()));
                break;
        }
    }

    [Fact]
    public async Task Function_history_masks_environment_values()
    {
        var name = await CreateFunctionWithDetailsAsync();

        var response = await api.AdminAsync("query($name: String!) { function(name: $name) { history { data } } }", new { name });

        Assert.DoesNotContain("very-secret-value", response.Text, StringComparison.Ordinal);
        Assert.Contains("TOKEN", response.At("function.history.0.data").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listing_functions_needs_no_detail_permission_for_the_other_fields()
    {
        var name = await CreateFunctionWithDetailsAsync();

        var response = await api.PostAsync(
            api.Token(["VIEW_TASK_FUNCTIONS"]),
            "query($name: String!) { functions(where: { name: { eq: $name } }) { nodes { name description runtime timeLimit memoryLimit executionPermission defaultPriority retryPolicy { enabled } enabled version } } }",
            new { name });

        Assert.Equal(name, response.At("functions.nodes.0.name").GetString());
    }

    [Fact]
    public async Task Task_logs_without_VIEW_TASK_LOGS_are_forbidden_on_the_logs_field_only()
    {
        var id = await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));

        var response = await api.PostAsync(api.Token(["VIEW_TASKS"]), "query($id: UUID!) { task(id: $id) { id status logs { message } } }", new { id });

        var error = Payloads.SingleGraphQLError(response);
        Assert.Equal("FORBIDDEN", Payloads.Code(error));
        Assert.Equal("task.logs", Payloads.Path(error));
        Assert.Equal(["VIEW_TASK_LOGS"], Payloads.NamedPermissions(error));
    }

    [Fact]
    public async Task Task_logs_with_VIEW_TASK_LOGS_are_answered()
    {
        var id = await Setup.CreateTaskAsync(api, await Setup.CreateFunctionAsync(api));

        var response = await api.PostAsync(api.Token(["VIEW_TASKS", "VIEW_TASK_LOGS"]), "query($id: UUID!) { task(id: $id) { id logs { timestamp message } } }", new { id });

        Assert.Equal(id, response.At("task.id").GetString());
        Assert.Empty(response.At("task.logs").EnumerateArray());
    }

    private async Task<string> CreateFunctionWithDetailsAsync()
    {
        var name = Payloads.UniqueName("fn");
        var response = await api.AdminAsync(
            "mutation($input: CreateFunctionInput!) { createFunction(input: $input) { function { name } errors { code message field } } }",
            new
            {
                input = new
                {
                    name,
                    code = Convert.ToBase64String("12345"u8.ToArray()),
                    entryPoint = "index.handler",
                    runtime = "nodejs22.x",
                    environment = new[] { new { name = "TOKEN", value = "very-secret-value" } },
                },
            });
        Assert.Equal(name, response.At("createFunction.function.name").GetString());
        return name;
    }
}
