using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class ExecuteFunctionTests(ApiHost api)
{
    public const string Execute =
        "mutation($name: String!, $data: JSON) { executeFunction(input: { functionName: $name, data: $data }) { taskId result error { type } " + Payloads.ErrorFields + " } }";

    [Fact]
    public async Task Executing_a_permitted_function_without_a_configured_runtime_is_an_unavailable_execution_error()
    {
        var name = await Setup.CreateFunctionAsync(api, timeLimit: 30);

        var response = await api.AdminAsync(Execute, new { name, data = new { x = 1 } });

        Payloads.SingleError(response.At("executeFunction.errors"), "ExecutionError", "UNAVAILABLE", null);
        Assert.True(Payloads.IsNull(response.At("executeFunction.taskId")));
        Assert.True(Payloads.IsNull(response.At("executeFunction.result")));
        Assert.True(Payloads.IsNull(response.At("executeFunction.error")));
    }

    [Fact]
    public async Task Executing_a_function_with_a_time_limit_over_30_seconds_is_a_validation_error_on_field_functionName()
    {
        var name = await Setup.CreateFunctionAsync(api, timeLimit: 31);

        var response = await api.AdminAsync(Execute, new { name });

        Payloads.SingleError(response.At("executeFunction.errors"), "ValidationError", "VALIDATION", "functionName");
    }

    [Fact]
    public async Task Executing_a_disabled_function_is_an_illegal_state()
    {
        var name = await Setup.CreateFunctionAsync(api);
        await api.AdminAsync("mutation($name: String!) { disableFunction(input: { name: $name }) { errors { code } } }", new { name });

        var response = await api.AdminAsync(Execute, new { name });

        var error = Payloads.SingleError(response.At("executeFunction.errors"), "IllegalStateError", "ILLEGAL_STATE", null);
        Assert.Equal("disabled", error.GetProperty("currentStatus").GetString());
        Assert.Equal("execute", error.GetProperty("attemptedAction").GetString());
    }

    [Fact]
    public async Task Executing_with_data_that_is_not_an_object_is_a_validation_error_on_field_data()
    {
        var name = await Setup.CreateFunctionAsync(api);

        var response = await api.AdminAsync(Execute, new { name, data = new[] { 1, 2 } });

        Payloads.SingleError(response.At("executeFunction.errors"), "ValidationError", "VALIDATION", "data");
    }

    [Fact]
    public async Task Executing_an_unknown_function_with_the_execute_permission_is_not_found_on_field_functionName()
    {
        var response = await api.PostAsync(api.Token(["EXECUTE_TASK_FUNCTION"]), Execute, new { name = Payloads.UniqueName("missing") });

        var error = Payloads.SingleError(response.At("executeFunction.errors"), "NotFoundError", "NOT_FOUND", "functionName");
        Assert.Equal("function", error.GetProperty("entity").GetString());
    }

    [Fact]
    public async Task Executing_an_unknown_function_with_the_execute_permission_for_that_name_is_not_found()
    {
        var name = Payloads.UniqueName("missing");

        var response = await api.PostAsync(api.Token(["EXECUTE_TASK_FUNCTION:" + name]), Execute, new { name });

        Payloads.SingleError(response.At("executeFunction.errors"), "NotFoundError", "NOT_FOUND", "functionName");
    }
}
