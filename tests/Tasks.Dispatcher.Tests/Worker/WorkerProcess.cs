using System.Collections.Concurrent;
using System.Diagnostics;
using Tasks.TestSupport.Lambda;

namespace Tasks.Dispatcher.Tests.Worker;

/// <summary>A standalone worker (<c>dotnet Tasks.Dispatcher.dll</c>) as a child process, with its output captured.</summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>What the worker logs once every hosted service has started.</summary>
    public const string Started = "Worker started";

    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();

    private WorkerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything it wrote so far (standard output and error, interleaved).</summary>
    public string Output => string.Join('\n', lines);

    public int Id => process.Id;

    /// <summary>Settings for the Lambda runtime against <paramref name="lambda"/>, polling often.</summary>
    public static Dictionary<string, string> LambdaSettings(string connectionString, FakeLambdaServer lambda) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Dispatcher__Runtime"] = "lambda",
        ["Dispatcher__PollInterval"] = "00:00:00.200",
        ["Dispatcher__Lambda__Endpoint"] = lambda.Endpoint.ToString(),
        ["Dispatcher__Lambda__Region"] = lambda.Options.Region,
        ["Dispatcher__Lambda__AccessKeyId"] = lambda.Options.AccessKeyId,
        ["Dispatcher__Lambda__SecretAccessKey"] = lambda.Options.SecretAccessKey,
    };

    /// <summary>Starts a worker with exactly <paramref name="settings"/> as its configuration (nothing inherited from this process).</summary>
    public static WorkerProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var worker = BuiltHost.Find("Tasks.Dispatcher");
        var start = new ProcessStartInfo("dotnet", [worker])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(worker)!,
        };
        // A developer's or CI's own settings (ConnectionStrings__Postgres for the tests' server, AWS_*) must not leak in.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
            || k.StartsWith("Dispatcher__", StringComparison.Ordinal) || k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("the worker did not start"));
    }

    /// <summary>Waits until the worker has written <paramref name="text"/>; fails the test if it exits or <paramref name="timeout"/> passes first.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            if (process.HasExited)
            {
                // Let the last output arrive before deciding.
                process.WaitForExit();
                Assert.True(lines.Any(l => l.Contains(text, StringComparison.Ordinal)), $"the worker exited ({process.ExitCode}) without writing '{text}':\n{Output}");
                return;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"the worker did not write '{text}' in time:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the worker to exit; fails the test after <paramref name="timeout"/>.</summary>
    /// <returns>Its exit code.</returns>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"the worker did not exit in time:\n{Output}");
        }

        return process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as an orchestrator stopping the worker does.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
