using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Tasks.Projections.Code;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>
/// The <c>local</c> runtime: runs a function's uploaded code on this machine, one child process per invocation —
/// <c>nodejs*</c> runtimes with <c>node</c> (entry point <c>file.export</c>, from <c>file.js</c>, <c>.mjs</c> or
/// <c>.cjs</c>; async, promise-returning and callback-style handlers), <c>python3*</c> runtimes with <c>python3</c>
/// (entry point <c>module.function</c>).
/// </summary>
/// <remarks>
/// <para>
/// The code zip is read from the <see cref="FunctionCodeStore"/> and unpacked once per SHA-256 under
/// <see cref="LocalRuntimeOptions.CacheRoot"/>. The process gets the function's environment variables and a few
/// AWS-Lambda-like ones (<c>AWS_LAMBDA_FUNCTION_NAME</c>, <c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>,
/// <c>AWS_LAMBDA_FUNCTION_TIMEOUT</c>, <c>LAMBDA_TASK_ROOT</c>, <c>TASK_ID</c> …), but of the service's own environment
/// only <see cref="LocalRuntimeOptions.InheritedEnvironmentVariables"/>. Its memory is bounded by the function's limit
/// (node: <c>--max-old-space-size</c>; python: <c>RLIMIT_AS</c>, best effort), and its whole process tree is killed at
/// the time limit.
/// </para>
/// <para>
/// The function's own failures never throw: they are <see cref="InvocationFailed"/> outcomes whose types are the
/// function's error types or those of <see cref="LocalInvocationErrors"/>. Failing to read the code store throws.
/// </para>
/// </remarks>
public sealed class LocalFunctionInvoker : IFunctionInvoker
{
    private readonly LocalRuntimeOptions options;
    private readonly ILogger<LocalFunctionInvoker> logger;
    private readonly CodeCache codeCache;
    private readonly string cacheRoot;

    /// <summary>Creates the invoker.</summary>
    /// <param name="codeStore">Where code packages are read from.</param>
    /// <param name="options">Where code is unpacked, which executables run it, how much of its output is kept.</param>
    /// <param name="logger">The invoker's own log (not the functions' logs, which are in each outcome).</param>
    public LocalFunctionInvoker(FunctionCodeStore codeStore, LocalRuntimeOptions options, ILogger<LocalFunctionInvoker> logger)
    {
        ArgumentNullException.ThrowIfNull(codeStore);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLogLines, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLogBytes, 1, nameof(options));
        this.options = options;
        this.logger = logger;
        cacheRoot = options.EffectiveCacheRoot;
        codeCache = new CodeCache(codeStore, cacheRoot, options.MaxUnpackedBytes, logger);
    }

    /// <inheritdoc />
    public async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var function = request.Function;
        LocalInvokerLog.Invoking(logger, function.Name, function.Runtime, request.TaskId);
        var stopwatch = Stopwatch.StartNew();
        var outcome = await RunAsync(request, cancellationToken);
        LocalInvokerLog.Ended(logger, function.Name, request.TaskId, stopwatch.ElapsedMilliseconds, Describe(outcome));
        return outcome;
    }

    private async Task<InvocationOutcome> RunAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var function = request.Function;
        if (LocalRuntime.For(function.Runtime, options) is not { } runtime)
        {
            return OutcomeMapper.Failed(
                LocalInvocationErrors.RuntimeNotSupported, "RuntimeNotSupported", $"The local runtime runs nodejs* and python3* functions, not {function.Runtime}.", []);
        }

        if (function.Code is not { } code)
        {
            return OutcomeMapper.Failed(LocalInvocationErrors.FunctionCodeMissing, "FunctionCodeMissing", $"The function {function.Name} has no code uploaded.", []);
        }

        if (await runtime.ResolveExecutableAsync(cancellationToken) is not { } executable)
        {
            return OutcomeMapper.Failed(
                LocalInvocationErrors.RuntimeNotInstalled, "RuntimeNotInstalled", $"{runtime.ExecutableName} ('{runtime.ConfiguredExecutable}') is not installed on this machine.", []);
        }

        if (request.Timeout <= TimeSpan.Zero)
        {
            return OutcomeMapper.Failed(LocalInvocationErrors.Timeout, "Timeout", "Task timed out before it could start.", []);
        }

        string codeDirectory;
        try
        {
            codeDirectory = await codeCache.DirectoryForAsync(code, cancellationToken);
        }
        catch (InvocationRefusedException e)
        {
            return new InvocationFailed(e.Error, []);
        }

        var scratch = Path.Combine(cacheRoot, ".scratch", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            return await RunProcessAsync(request, runtime, executable, codeDirectory, scratch, cancellationToken);
        }
        finally
        {
            TryDelete(scratch);
        }
    }

    private async Task<InvocationOutcome> RunProcessAsync(
        InvocationRequest request, LocalRuntime runtime, string executable, string codeDirectory, string scratch, CancellationToken cancellationToken)
    {
        var function = request.Function;
        var sentinel = $"\u001etasks-outcome-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}\u001e";
        var spec = new ChildProcessSpec(
            executable,
            runtime.Arguments(runtime.Bootstrap.PathUnder(cacheRoot), function.MemoryLimit),
            codeDirectory,
            ChildEnvironment.For(function, request.TaskId, runtime, codeDirectory, scratch, options),
            Header(request, codeDirectory, sentinel) + "\n" + request.EventJson,
            sentinel,
            request.Timeout,
            runtime.OutOfMemoryMarkers);
        var logs = new LogCollector(options.MaxLogLines, options.MaxLogBytes);
        ChildProcessResult run;
        try
        {
            run = await ChildProcessRunner.RunAsync(
                spec, logs, (processId, reason) => LocalInvokerLog.Killed(logger, function.Name, request.TaskId, processId, reason), cancellationToken);
        }
        catch (Win32Exception e)
        {
            return OutcomeMapper.Failed(
                LocalInvocationErrors.RuntimeNotInstalled, "RuntimeNotInstalled", $"{runtime.ExecutableName} ('{executable}') could not be started: {e.Message}", []);
        }

        return OutcomeMapper.Map(run, runtime, function.MemoryLimit, request.Timeout, logs.Seal());
    }

    private static string Header(InvocationRequest request, string codeDirectory, string sentinel)
    {
        var deadline = DateTimeOffset.UtcNow + request.Timeout;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sentinel", sentinel);
            writer.WriteString("codeRoot", codeDirectory);
            writer.WriteString("entryPoint", request.Function.EntryPoint);
            writer.WriteString("functionName", request.Function.Name);
            writer.WriteNumber("memoryLimitMb", request.Function.MemoryLimit);
            writer.WriteNumber("deadlineEpochMs", deadline.ToUnixTimeMilliseconds());
            writer.WriteString("requestId", Guid.NewGuid());
            writer.WriteString("taskId", request.TaskId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Describe(InvocationOutcome outcome) => outcome switch
    {
        InvocationSucceeded => "succeeded",
        InvocationFailed failed => $"failed ({failed.Error.Type})",
        _ => outcome.GetType().Name,
    };

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A function's leftover temporary files are harmless.
        }
    }
}
