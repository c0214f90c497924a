namespace Tasks.Api.Tests.Support;

/// <summary>Test shortcuts for what most tests need first: a function, a task.</summary>
public static class Setup
{
    /// <summary>Registers a function with a unique name and returns the name.</summary>
    public static async Task<string> CreateFunctionAsync(ApiHost api, int? defaultPriority = null, string executionPermission = "PERMISSION_REQUIRED", int timeLimit = 30)
    {
        var name = "fn-" + Guid.NewGuid().ToString("N")[..12];
        var response = await api.AdminAsync(
            "mutation($input: CreateFunctionInput!) { createFunction(input: $input) { function { name } errors { code message field } } }",
            new { input = new { name, entryPoint = "index.handler", runtime = "nodejs22.x", defaultPriority, executionPermission, timeLimit } });
        Assert.Equal(name, response.At("createFunction.function.name").GetString());
        return name;
    }

    /// <summary>Creates a task of <paramref name="function"/> and returns its id.</summary>
    public static async Task<string> CreateTaskAsync(ApiHost api, string function, int? priority = null, string[]? tags = null, string? startTimestamp = null)
    {
        var response = await api.AdminAsync(
            "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } errors { code message field } } }",
            new { input = new { functionName = function, priority, tags, startTimestamp } });
        return response.At("createTask.task.id").GetString()!;
    }
}
