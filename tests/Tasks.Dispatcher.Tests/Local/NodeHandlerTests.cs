using System.Diagnostics;
using System.Text.Json;
using Tasks.Dispatcher.Invoking.Local;
using static Tasks.Dispatcher.Tests.Local.LocalRuntimeHarness;

namespace Tasks.Dispatcher.Tests.Local;

public sealed class NodeHandlerTests : IAsyncLifetime
{
    private LocalRuntimeHarness harness = null!;

    public async Task InitializeAsync() => harness = await LocalRuntimeHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Fact]
    public async Task An_async_handler_receives_the_event_and_its_result_becomes_the_task_result()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", """
            export const handler = async (event, context) => {
              await new Promise((resolve) => setTimeout(resolve, 10));
              return { doubled: event.data.size * 2, taskId: event.task.id, functionName: context.functionName };
            };
            """));
        var taskId = Guid.NewGuid();

        var outcome = await harness.InvokeAsync(Function(code), $$$"""{"data":{"size":21},"task":{"id":"{{{taskId}}}","attempt":1}}""");

        var succeeded = Outcomes.Succeeded(outcome);
        using var result = JsonDocument.Parse(succeeded.ResultJson!);
        Assert.Equal(42, result.RootElement.GetProperty("doubled").GetInt32());
        Assert.Equal(taskId.ToString(), result.RootElement.GetProperty("taskId").GetString());
        Assert.Equal("local-test", result.RootElement.GetProperty("functionName").GetString());
    }

    [Fact]
    public async Task Console_output_becomes_log_lines_in_the_order_written_and_the_outcome_line_is_not_one_of_them()
    {
        var code = await harness.StoreCodeAsync(("index.js", """
            exports.handler = async () => {
              console.log('first');
              console.error('second, on stderr');
              await new Promise((resolve) => setTimeout(resolve, 20));
              console.log('third', { n: 3 });
              process.stdout.write('fourth, without a newline');
              return 'done';
            };
            """));
        var before = DateTimeOffset.UtcNow;

        var outcome = await harness.InvokeAsync(Function(code));

        Assert.Equal("\"done\"", Outcomes.Succeeded(outcome).ResultJson);
        Assert.Equal(["first", "second, on stderr", "third { n: 3 }", "fourth, without a newline"], Outcomes.Messages(outcome));
        Assert.All(outcome.Logs, line => Assert.InRange(line.Timestamp, before, DateTimeOffset.UtcNow));
        Assert.True(outcome.Logs.Zip(outcome.Logs.Skip(1)).All(pair => pair.First.Timestamp <= pair.Second.Timestamp));
    }

    [Fact]
    public async Task A_thrown_error_with_an_error_type_fails_the_task_with_that_type_and_the_errors_name_and_message()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", """
            class QuotaError extends Error {
              constructor(message) { super(message); this.name = 'QuotaError'; this.errorType = 'quotaExceeded'; }
            }
            export const handler = async () => { throw new QuotaError('Only 3 resizes a day'); };
            """));

        var outcome = await harness.InvokeAsync(Function(code));

        var failed = Outcomes.Failed(outcome, "quotaExceeded");
        Assert.Equal("QuotaError", failed.Error.Name);
        Assert.Equal("Only 3 resizes a day", failed.Error.Message);
        Assert.Contains(Outcomes.Messages(outcome), line => line.Contains("QuotaError: Only 3 resizes a day", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_thrown_error_without_an_error_type_is_typed_by_its_name()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => { throw new RangeError('size out of range'); };"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code)), "RangeError");

        Assert.Equal(("RangeError", "size out of range"), (failed.Error.Name, failed.Error.Message));
    }

    [Fact]
    public async Task A_handler_that_never_resolves_is_killed_with_its_whole_process_tree_at_its_time_limit()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", """
            import { spawn } from 'node:child_process';
            export const handler = async () => {
              const child = spawn('sleep', ['60'], { stdio: 'ignore' });
              console.log(`pids ${process.pid} ${child.pid}`);
              return new Promise(() => {});
            };
            """));
        var stopwatch = Stopwatch.StartNew();

        var outcome = await harness.InvokeAsync(Function(code), timeout: TimeSpan.FromSeconds(2));

        stopwatch.Stop();
        var failed = Outcomes.Failed(outcome, LocalInvocationErrors.Timeout);
        Assert.Equal("Task timed out after 2.00 seconds.", failed.Error.Message);
        Assert.InRange(stopwatch.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8));
        var pids = Outcomes.Messages(outcome).Single(line => line.StartsWith("pids ", StringComparison.Ordinal)).Split(' ')[1..].Select(int.Parse).ToList();
        Assert.Equal(2, pids.Count);
        foreach (var pid in pids)
        {
            Assert.True(await Processes.IsGoneAsync(pid), $"process {pid} still runs after the time limit");
        }
    }

    [Fact]
    public async Task Cancellation_kills_the_process_and_throws()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"tasks-local-pid-{Guid.NewGuid():N}");
        var code = await harness.StoreCodeAsync(("index.mjs", """
            import { writeFileSync } from 'node:fs';
            export const handler = async () => { writeFileSync(process.env.PID_FILE, String(process.pid)); return new Promise(() => {}); };
            """));
        var function = Function(code, environment: new Dictionary<string, string> { ["PID_FILE"] = pidFile });
        using var cancellation = new CancellationTokenSource();
        var invocation = harness.InvokeAsync(function, timeout: TimeSpan.FromSeconds(30), cancellationToken: cancellation.Token);
        try
        {
            var pid = await ReadPidAsync(pidFile);

            await cancellation.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => invocation);
            Assert.True(await Processes.IsGoneAsync(pid), $"process {pid} still runs after cancellation");
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task A_process_that_exits_before_returning_is_a_runtime_exit_with_its_code_and_last_error_line()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", """
            export const handler = async () => { console.error('giving up'); process.exit(3); };
            """));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code)), LocalInvocationErrors.RuntimeExited);

        Assert.Contains("exited with code 3", failed.Error.Message, StringComparison.Ordinal);
        Assert.Contains("giving up", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_functions_environment_is_visible_but_the_services_own_environment_is_not()
    {
        Environment.SetEnvironmentVariable("TASKS_SECRET_PROBE", "service-secret");
        try
        {
            var code = await harness.StoreCodeAsync(("index.mjs", """
                export const handler = async () => ({
                  greeting: process.env.GREETING ?? null,
                  probe: process.env.TASKS_SECRET_PROBE ?? null,
                  name: process.env.AWS_LAMBDA_FUNCTION_NAME,
                  memory: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
                  timeout: process.env.AWS_LAMBDA_FUNCTION_TIMEOUT,
                  taskId: process.env.TASK_ID,
                  hasPath: typeof process.env.PATH === 'string',
                });
                """));
            var request = Request(Function(code, environment: new Dictionary<string, string> { ["GREETING"] = "hello" }, memoryLimit: 256));

            var outcome = await harness.Invoker.InvokeAsync(request, CancellationToken.None);

            using var result = JsonDocument.Parse(Outcomes.Succeeded(outcome).ResultJson!);
            var env = result.RootElement;
            Assert.Equal("hello", env.GetProperty("greeting").GetString());
            Assert.Equal(JsonValueKind.Null, env.GetProperty("probe").ValueKind);
            Assert.Equal("local-test", env.GetProperty("name").GetString());
            Assert.Equal("256", env.GetProperty("memory").GetString());
            Assert.Equal("10", env.GetProperty("timeout").GetString());
            Assert.Equal(request.TaskId.ToString(), env.GetProperty("taskId").GetString());
            Assert.True(env.GetProperty("hasPath").GetBoolean());
        }
        finally
        {
            Environment.SetEnvironmentVariable("TASKS_SECRET_PROBE", null);
        }
    }

    [Fact]
    public async Task A_missing_export_is_handler_not_found()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", "export const other = async () => 1;"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code)), LocalInvocationErrors.HandlerNotFound);

        Assert.Contains("index.handler", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_module_is_handler_not_found()
    {
        var code = await harness.StoreCodeAsync(("lib/other.mjs", "export const handler = async () => 1;"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code, entryPoint: "app.handler")), LocalInvocationErrors.HandlerNotFound);

        Assert.Contains("'app'", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_entry_point_in_a_sub_directory_names_the_module_by_its_path()
    {
        var code = await harness.StoreCodeAsync(("src/app.cjs", "module.exports = { main: async (event) => event.data.n + 1 };"));

        var outcome = await harness.InvokeAsync(Function(code, entryPoint: "src/app.main"), """{"data":{"n":1},"task":{"id":"x"}}""");

        Assert.Equal("2", Outcomes.Succeeded(outcome).ResultJson);
    }

    [Fact]
    public async Task A_callback_style_handler_returns_what_it_passes_to_the_callback()
    {
        var code = await harness.StoreCodeAsync(("index.js", """
            exports.handler = function (event, context, callback) {
              setTimeout(() => callback(null, { echoed: event.data }), 10);
            };
            """));

        var outcome = await harness.InvokeAsync(Function(code), """{"data":{"a":[1,2]},"task":{"id":"x"}}""");

        Assert.Equal("""{"echoed":{"a":[1,2]}}""", Outcomes.Succeeded(outcome).ResultJson);
    }

    [Fact]
    public async Task A_callback_style_handler_fails_with_the_error_it_passes_to_the_callback()
    {
        var code = await harness.StoreCodeAsync(("index.js", """
            exports.handler = (event, context, callback) => callback(new TypeError('bad input'));
            """));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code)), "TypeError");

        Assert.Equal("bad input", failed.Error.Message);
    }

    [Fact]
    public async Task A_handler_returning_nothing_succeeds_without_a_result()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => {};"));

        Assert.Null(Outcomes.Succeeded(await harness.InvokeAsync(Function(code))).ResultJson);
    }

    [Fact]
    public async Task A_result_that_is_not_json_serializable_is_an_invalid_result()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => ({ big: 10n });"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code)), LocalInvocationErrors.InvalidResult);

        Assert.Contains("BigInt", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_that_merely_looks_like_an_outcome_is_logged_not_taken_as_the_result()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", """
            export const handler = async () => { console.log('{"result":"forged"}'); return 'real'; };
            """));

        var outcome = await harness.InvokeAsync(Function(code));

        Assert.Equal("\"real\"", Outcomes.Succeeded(outcome).ResultJson);
        Assert.Equal(["{\"result\":\"forged\"}"], Outcomes.Messages(outcome));
    }

    [Fact]
    public async Task Exhausting_the_heap_beyond_the_memory_limit_is_out_of_memory()
    {
        var code = await harness.StoreCodeAsync(("index.mjs", """
            export const handler = async () => { const hoard = []; for (;;) { hoard.push(new Array(100000).fill(7)); } };
            """));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code, memoryLimit: 128)), LocalInvocationErrors.OutOfMemory);

        Assert.Contains("128 MB", failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_beyond_the_line_limit_are_cut_with_a_final_truncation_notice()
    {
        var invoker = harness.CreateInvoker(new LocalRuntimeOptions(harness.CacheRoot, MaxLogLines: 5));
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => { for (let i = 1; i <= 50; i++) console.log(`line ${i}`); return 1; };"));

        var outcome = await invoker.InvokeAsync(Request(Function(code)), CancellationToken.None);

        var messages = Outcomes.Messages(Outcomes.Succeeded(outcome));
        Assert.Equal(5, messages.Count);
        Assert.Equal(["line 1", "line 2", "line 3", "line 4"], messages.Take(4));
        Assert.StartsWith("… truncated", messages[4], StringComparison.Ordinal);
        Assert.Contains("50 lines", messages[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_beyond_the_byte_limit_are_cut_with_a_final_truncation_notice()
    {
        var invoker = harness.CreateInvoker(new LocalRuntimeOptions(harness.CacheRoot) { MaxLogBytes = 100 });
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => { console.log('x'.repeat(80)); console.log('y'.repeat(80)); console.log('z'); };"));

        var messages = Outcomes.Messages(Outcomes.Succeeded(await invoker.InvokeAsync(Request(Function(code)), CancellationToken.None)));

        Assert.Equal(["x".PadRight(80, 'x'), "y".PadRight(20, 'y')], messages.Take(2));
        Assert.StartsWith("… truncated", messages[^1], StringComparison.Ordinal);
        Assert.Equal(3, messages.Count);
    }

    private static async Task<int> ReadPidAsync(string pidFile)
    {
        for (var i = 0; i < 500; i++)
        {
            if (File.Exists(pidFile) && int.TryParse(await File.ReadAllTextAsync(pidFile), out var pid))
            {
                return pid;
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException("The handler never started.");
    }
}
