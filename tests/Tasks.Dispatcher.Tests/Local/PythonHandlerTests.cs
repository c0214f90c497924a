using System.Text.Json;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Invoking.Local;
using static Tasks.Dispatcher.Tests.Local.LocalRuntimeHarness;

namespace Tasks.Dispatcher.Tests.Local;

public sealed class PythonHandlerTests : IAsyncLifetime
{
    private LocalRuntimeHarness harness = null!;

    public async Task InitializeAsync() => harness = await LocalRuntimeHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [PythonFact]
    public async Task A_python_handler_receives_the_event_and_context_and_its_return_value_becomes_the_result()
    {
        var code = await harness.StoreCodeAsync(("main.py", """
            import os

            def handler(event, context):
                print("resizing", event["data"]["size"])
                return {
                    "doubled": event["data"]["size"] * 2,
                    "taskId": event["task"]["id"],
                    "functionName": context.function_name,
                    "hasTime": context.get_remaining_time_in_millis() > 0,
                    "greeting": os.environ.get("GREETING"),
                    "probe": os.environ.get("TASKS_SECRET_PROBE_PY"),
                }
            """));
        var function = Function(code, runtime: "python3.12", entryPoint: "main.handler", environment: new Dictionary<string, string> { ["GREETING"] = "hi" });
        Environment.SetEnvironmentVariable("TASKS_SECRET_PROBE_PY", "service-secret");
        InvocationOutcome outcome;
        try
        {
            outcome = await harness.InvokeAsync(function, """{"data":{"size":4},"task":{"id":"t-1"}}""");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TASKS_SECRET_PROBE_PY", null);
        }

        using var json = JsonDocument.Parse(Outcomes.Succeeded(outcome).ResultJson!);
        Assert.Equal(8, json.RootElement.GetProperty("doubled").GetInt32());
        Assert.Equal("t-1", json.RootElement.GetProperty("taskId").GetString());
        Assert.Equal("local-test", json.RootElement.GetProperty("functionName").GetString());
        Assert.True(json.RootElement.GetProperty("hasTime").GetBoolean());
        Assert.Equal("hi", json.RootElement.GetProperty("greeting").GetString());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("probe").ValueKind);
        Assert.Equal(["resizing 4"], Outcomes.Messages(outcome));
    }

    [PythonFact]
    public async Task A_python_exception_fails_the_task_typed_by_its_class_name()
    {
        var code = await harness.StoreCodeAsync(("main.py", """
            class QuotaExceeded(Exception):
                pass

            def handler(event, context):
                raise QuotaExceeded("Only 3 resizes a day")
            """));

        var outcome = await harness.InvokeAsync(Function(code, runtime: "python3.11", entryPoint: "main.handler"));

        var failed = Outcomes.Failed(outcome, "QuotaExceeded");
        Assert.Equal(("QuotaExceeded", "Only 3 resizes a day"), (failed.Error.Name, failed.Error.Message));
        Assert.Contains(Outcomes.Messages(outcome), line => line.StartsWith("Traceback", StringComparison.Ordinal));
    }

    [PythonFact]
    public async Task A_python_handler_returning_none_succeeds_without_a_result()
    {
        var code = await harness.StoreCodeAsync(("main.py", "def handler(event, context):\n    return None\n"));

        Assert.Null(Outcomes.Succeeded(await harness.InvokeAsync(Function(code, runtime: "python3.12", entryPoint: "main.handler"))).ResultJson);
    }

    [PythonFact]
    public async Task A_missing_python_function_or_module_is_handler_not_found()
    {
        var code = await harness.StoreCodeAsync(("main.py", "def other(event, context):\n    return 1\n"));

        Outcomes.Failed(await harness.InvokeAsync(Function(code, runtime: "python3.12", entryPoint: "main.handler")), LocalInvocationErrors.HandlerNotFound);
        Outcomes.Failed(await harness.InvokeAsync(Function(code, runtime: "python3.12", entryPoint: "absent.handler")), LocalInvocationErrors.HandlerNotFound);
    }

    [PythonFact]
    public async Task A_python_import_of_a_missing_dependency_is_the_functions_own_error_not_handler_not_found()
    {
        var code = await harness.StoreCodeAsync(("main.py", "import not_installed_anywhere\n\ndef handler(event, context):\n    return 1\n"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code, runtime: "python3.12", entryPoint: "main.handler")), "ModuleNotFoundError");

        Assert.Contains("not_installed_anywhere", failed.Error.Message, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task A_python_result_that_is_not_json_serializable_is_an_invalid_result()
    {
        var code = await harness.StoreCodeAsync(("main.py", "def handler(event, context):\n    return {'when': object()}\n"));

        Outcomes.Failed(await harness.InvokeAsync(Function(code, runtime: "python3.12", entryPoint: "main.handler")), LocalInvocationErrors.InvalidResult);
    }

    [PythonFact]
    public async Task A_python_sys_exit_before_returning_is_a_runtime_exit()
    {
        var code = await harness.StoreCodeAsync(("main.py", "import sys\n\ndef handler(event, context):\n    sys.exit(4)\n"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code, runtime: "python3.12", entryPoint: "main.handler")), LocalInvocationErrors.RuntimeExited);

        Assert.Contains("exited with code 4", failed.Error.Message, StringComparison.Ordinal);
    }

    [PythonFact]
    public async Task Allocating_beyond_the_python_memory_limit_is_out_of_memory()
    {
        var code = await harness.StoreCodeAsync(("main.py", "def handler(event, context):\n    return len(bytearray(512 * 1024 * 1024))\n"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code, runtime: "python3.12", entryPoint: "main.handler", memoryLimit: 128)), LocalInvocationErrors.OutOfMemory);

        Assert.Equal("MemoryError", failed.Error.Name);
    }
}
