using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class FunctionLifecycleTests(ApiHost api)
{
    private const string Disable = "mutation($name: String!) { disableFunction(input: { name: $name }) { function { name enabled version } " + Payloads.ErrorFields + " } }";
    private const string Enable = "mutation($name: String!) { enableFunction(input: { name: $name }) { function { name enabled version } " + Payloads.ErrorFields + " } }";
    private const string Delete =
        "mutation($name: String!) { deleteFunction(input: { name: $name }) { function { name description runtime timeLimit enabled version defaultPriority } " + Payloads.ErrorFields + " } }";

    [Fact]
    public async Task Disabling_then_enabling_a_function_switches_enabled_and_each_is_idempotent()
    {
        var name = await Setup.CreateFunctionAsync(api);

        var disabled = await api.AdminAsync(Disable, new { name });
        var disabledAgain = await api.AdminAsync(Disable, new { name });
        var readDisabled = await api.AdminAsync("query($name: String!) { function(name: $name) { enabled } }", new { name });
        var enabled = await api.AdminAsync(Enable, new { name });
        var enabledAgain = await api.AdminAsync(Enable, new { name });

        Payloads.NoErrors(disabled.At("disableFunction.errors"));
        Assert.False(disabled.At("disableFunction.function.enabled").GetBoolean());
        Assert.Equal(2, disabled.At("disableFunction.function.version").GetInt32());
        Payloads.NoErrors(disabledAgain.At("disableFunction.errors"));
        Assert.False(disabledAgain.At("disableFunction.function.enabled").GetBoolean());
        Assert.Equal(2, disabledAgain.At("disableFunction.function.version").GetInt32());
        Assert.False(readDisabled.At("function.enabled").GetBoolean());
        Payloads.NoErrors(enabled.At("enableFunction.errors"));
        Assert.True(enabled.At("enableFunction.function.enabled").GetBoolean());
        Assert.Equal(3, enabled.At("enableFunction.function.version").GetInt32());
        Assert.Equal(3, enabledAgain.At("enableFunction.function.version").GetInt32());
    }

    [Fact]
    public async Task A_disabled_function_still_accepts_tasks_which_wait()
    {
        var name = await Setup.CreateFunctionAsync(api);
        await api.AdminAsync(Disable, new { name });

        var id = await Setup.CreateTaskAsync(api, name);

        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { status } }", new { id });
        Assert.Equal("NEW", read.At("task.status").GetString());
    }

    [Theory]
    [InlineData("enableFunction")]
    [InlineData("disableFunction")]
    [InlineData("deleteFunction")]
    public async Task Enabling_disabling_or_deleting_an_unknown_function_is_not_found(string mutation)
    {
        var response = await api.AdminAsync(
            "mutation($name: String!) { " + mutation + "(input: { name: $name }) { function { name } " + Payloads.ErrorFields + " } }",
            new { name = Payloads.UniqueName("missing") });

        var error = Payloads.SingleError(response.At(mutation + ".errors"), "NotFoundError", "NOT_FOUND", null);
        Assert.Equal("function", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(response.At(mutation + ".function")));
    }

    [Fact]
    public async Task Deleting_a_function_answers_with_the_function_as_it_was_and_then_it_is_gone()
    {
        var name = await Setup.CreateFunctionAsync(api, defaultPriority: 2);
        await api.AdminAsync("mutation($name: String!) { updateFunction(input: { name: $name, description: \"before delete\" }) { errors { code } } }", new { name });

        var deleted = await api.AdminAsync(Delete, new { name });

        Payloads.NoErrors(deleted.At("deleteFunction.errors"));
        var function = deleted.At("deleteFunction.function");
        Assert.Equal(name, function.GetProperty("name").GetString());
        Assert.Equal("before delete", function.GetProperty("description").GetString());
        Assert.Equal("nodejs22.x", function.GetProperty("runtime").GetString());
        Assert.Equal(2, function.GetProperty("defaultPriority").GetInt32());
        Assert.True(function.GetProperty("enabled").GetBoolean());
        Assert.Equal(2, function.GetProperty("version").GetInt32());
        var read = await api.AdminAsync("query($name: String!) { function(name: $name) { name } functions(where: { name: { eq: $name } }) { totalCount } }", new { name });
        Assert.True(Payloads.IsNull(read.At("function")));
        Assert.Equal(0, read.At("functions.totalCount").GetInt64());
    }

    [Fact]
    public async Task The_tasks_of_a_deleted_function_stay_readable_with_their_history()
    {
        var name = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, name);

        await api.AdminAsync(Delete, new { name });

        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { id functionName status history { type } } }", new { id });
        Assert.Equal(id, read.At("task.id").GetString());
        Assert.Equal(name, read.At("task.functionName").GetString());
        Assert.Equal("NEW", read.At("task.status").GetString());
        Assert.Equal(["CREATED"], read.At("task.history").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Deleting_a_deleted_function_is_not_found_and_so_is_creating_a_task_for_it()
    {
        var name = await Setup.CreateFunctionAsync(api);
        await api.AdminAsync(Delete, new { name });

        var again = await api.AdminAsync(Delete, new { name });
        var task = await api.AdminAsync(
            "mutation($name: String!) { createTask(input: { functionName: $name }) { task { id } " + Payloads.ErrorFields + " } }", new { name });

        var error = Payloads.SingleError(again.At("deleteFunction.errors"), "NotFoundError", "NOT_FOUND", null);
        Assert.Equal("function", error.GetProperty("entity").GetString());
        Payloads.SingleError(task.At("createTask.errors"), "NotFoundError", "NOT_FOUND", "functionName");
    }

    [Fact]
    public async Task A_deleted_functions_name_can_be_registered_again()
    {
        var name = await Setup.CreateFunctionAsync(api);
        await api.AdminAsync(Delete, new { name });

        var again = await api.AdminAsync(
            "mutation($name: String!) { createFunction(input: { name: $name, entryPoint: \"other.handler\", runtime: \"python3.13\" }) { function { name runtime entryPoint } " + Payloads.ErrorFields + " } }",
            new { name });

        Payloads.NoErrors(again.At("createFunction.errors"));
        Assert.Equal("python3.13", again.At("createFunction.function.runtime").GetString());
        var read = await api.AdminAsync("query($name: String!) { function(name: $name) { entryPoint } }", new { name });
        Assert.Equal("other.handler", read.At("function.entryPoint").GetString());
    }
}
