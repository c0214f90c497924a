using Tasks.Dispatcher.Invoking.Local;
using static Tasks.Dispatcher.Tests.Local.LocalRuntimeHarness;

namespace Tasks.Dispatcher.Tests.Local;

public sealed class RuntimeSelectionTests : IAsyncLifetime
{
    private LocalRuntimeHarness harness = null!;

    public async Task InitializeAsync() => harness = await LocalRuntimeHarness.CreateAsync();

    public async Task DisposeAsync() => await harness.DisposeAsync();

    [Theory]
    [InlineData("java21")]
    [InlineData("dotnet8")]
    [InlineData("provided.al2023")]
    public async Task A_runtime_other_than_nodejs_or_python3_is_not_supported(string runtime)
    {
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => 1;"));

        var failed = Outcomes.Failed(await harness.InvokeAsync(Function(code, runtime: runtime)), LocalInvocationErrors.RuntimeNotSupported);

        Assert.Contains(runtime, failed.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_node_executable_is_runtime_not_installed()
    {
        var invoker = harness.CreateInvoker(new LocalRuntimeOptions(harness.CacheRoot, NodePath: "/nonexistent/bin/node"));
        var code = await harness.StoreCodeAsync(("index.mjs", "export const handler = async () => 1;"));

        var outcome = await invoker.InvokeAsync(Request(Function(code)), CancellationToken.None);

        Assert.Contains("/nonexistent/bin/node", Outcomes.Failed(outcome, LocalInvocationErrors.RuntimeNotInstalled).Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_python_executable_absent_from_path_is_runtime_not_installed()
    {
        var invoker = harness.CreateInvoker(new LocalRuntimeOptions(harness.CacheRoot, PythonPath: "python3-that-does-not-exist"));
        var code = await harness.StoreCodeAsync(("main.py", "def handler(event, context):\n    return 1\n"));

        var outcome = await invoker.InvokeAsync(Request(Function(code, runtime: "python3.12", entryPoint: "main.handler")), CancellationToken.None);

        Outcomes.Failed(outcome, LocalInvocationErrors.RuntimeNotInstalled);
    }
}
