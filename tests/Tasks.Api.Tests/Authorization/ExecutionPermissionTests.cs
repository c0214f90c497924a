using Tasks.Api.Authentication;
using Tasks.Api.Tests.Mutations;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Authorization;

/// <summary>Who may call executeFunction, by the function's executionPermission. Allowed calls end in UNAVAILABLE (no runtime yet).</summary>
[Collection(ApiHostGroup.Name)]
public sealed class ExecutionPermissionTests(ApiHost api)
{
    private const string Execute = "mutation($name: String!) { executeFunction(input: { functionName: $name }) { taskId errors { __typename code message field } } }";

    public static TheoryData<string, string, bool> Cases => new()
    {
        // the function's executionPermission, the caller, whether it may execute
        { "PERMISSION_REQUIRED", "user with EXECUTE_TASK_FUNCTION", true },
        { "PERMISSION_REQUIRED", "user with EXECUTE_TASK_FUNCTION:<name>", true },
        { "PERMISSION_REQUIRED", "application with EXECUTE_TASK_FUNCTION:<name>", true },
        { "PERMISSION_REQUIRED", "user with EXECUTE_TASK_FUNCTION:<another name>", false },
        { "PERMISSION_REQUIRED", "user without permissions", false },
        { "PERMISSION_REQUIRED", "user with every other permission", false },
        { "ALL_USERS", "user without permissions", true },
        { "ALL_USERS", "application without permissions", false },
        { "ALL_USERS", "application with EXECUTE_TASK_FUNCTION", false },
        { "PUBLIC", "user without permissions", true },
        { "PUBLIC", "application without permissions", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Execution_is_allowed_by_the_functions_execution_permission(string executionPermission, string caller, bool allowed)
    {
        var name = await Setup.CreateFunctionAsync(api, executionPermission: executionPermission);
        var token = caller switch
        {
            "user with EXECUTE_TASK_FUNCTION" => api.Token(["EXECUTE_TASK_FUNCTION"], user: "erin"),
            "user with EXECUTE_TASK_FUNCTION:<name>" => api.Token(["EXECUTE_TASK_FUNCTION:" + name], user: "erin"),
            "application with EXECUTE_TASK_FUNCTION:<name>" => api.Token(["EXECUTE_TASK_FUNCTION:" + name], user: null, application: "robot"),
            "user with EXECUTE_TASK_FUNCTION:<another name>" => api.Token(["EXECUTE_TASK_FUNCTION:" + name + "-other"], user: "erin"),
            "user without permissions" => api.Token([], user: "erin"),
            "user with every other permission" => api.Token(Permissions.All.Where(p => p != "EXECUTE_TASK_FUNCTION"), user: "erin"),
            "application without permissions" => api.Token([], user: null, application: "robot"),
            "application with EXECUTE_TASK_FUNCTION" => api.Token(["EXECUTE_TASK_FUNCTION"], user: null, application: "robot"),
            _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
        };

        var response = await api.PostAsync(token, Execute, new { name });

        if (allowed)
        {
            Assert.True(response.Errors.Count == 0, caller + ": " + response.Text);
            Payloads.SingleError(response.At("executeFunction.errors"), "ExecutionError", "UNAVAILABLE", null);
        }
        else
        {
            var error = Payloads.SingleGraphQLError(response);
            Assert.Equal("FORBIDDEN", Payloads.Code(error));
            Assert.Equal("executeFunction", Payloads.Path(error));
        }
    }

    [Fact]
    public async Task Executing_an_unknown_function_without_an_execute_permission_is_forbidden_rather_than_not_found()
    {
        var response = await api.PostAsync(api.Token(["VIEW_TASK_FUNCTIONS"]), Execute, new { name = Payloads.UniqueName("missing") });

        var error = Payloads.SingleGraphQLError(response);
        Assert.Equal("FORBIDDEN", Payloads.Code(error));
        Assert.Equal("executeFunction", Payloads.Path(error));
    }
}
