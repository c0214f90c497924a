using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Extensions.Logging.Abstractions;
using Tasks.Dispatcher.Functions;
using Tasks.Dispatcher.Hosting;
using Tasks.Dispatcher.Leases;
using Tasks.Dispatcher.Running;
using Tasks.Dispatcher.Tests.Worker;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Streams;
using Tasks.Projections.Code;
using Tasks.Projections.Commands;
using Tasks.Projections.Logs;
using TaskStatus = Tasks.Domain.Tasks.TaskStatus;

namespace Tasks.Dispatcher.Tests.Dispatching;

/// <summary>A dispatcher process killed with SIGKILL mid-invocation leaves no task in progress past its lease.</summary>
public sealed class KilledDispatcherTests
{
    [Fact]
    public async Task A_dispatcher_killed_mid_invocation_leaves_no_task_in_progress_past_its_lease()
    {
        await using var db = await DispatchDatabase.CreateAsync();
        var package = Zip("index.mjs", "export const handler = () => new Promise(resolve => setTimeout(resolve, 60_000));");
        var code = FunctionCodeStore.ReferenceOf(package);
        var register = new RegisterFunction(
            new FunctionDefinition { Name = "sleeper", EntryPoint = "index.handler", Runtime = "nodejs22.x", TimeLimit = 10, Code = code },
            Actor.System,
            DateTimeOffset.UtcNow);
        var registered = await db.Runner.RunAsync(
            FunctionStreamId.For("sleeper"), DomainStreams.Function, s => FunctionDecider.Instance.Decide(register, s).ToDecided(), EventMetadata.None,
            alsoWrite: (work, _, _) => work.Execute(FunctionCodeStore.StoreStatement(code, package)));
        Assert.Null(registered.Rejection);
        var id = await db.CreateTaskAsync("sleeper");

        using var service = StartService(db.DataSource.ConnectionString);
        TaskState started;
        try
        {
            started = await db.WaitForAsync(id, s => s.Status == TaskStatus.InProgress, TimeSpan.FromSeconds(60));
        }
        finally
        {
            // SIGKILL: no shutdown hook runs, the invocation is cut off mid-way.
            service.Kill();
            await service.WaitForExitAsync();
        }

        Assert.Equal(TaskStatus.InProgress, (await db.TaskAsync(id)).Status);
        var lease = started.LeaseExpiresAt!.Value;
        var untilLease = lease - DateTimeOffset.UtcNow;
        if (untilLease > TimeSpan.Zero)
        {
            await Task.Delay(untilLease + TimeSpan.FromMilliseconds(200));
        }

        var options = new DispatcherOptions { Runtime = "test" };
        var functions = new FunctionDefinitions(db.DataSource, TimeProvider.System);
        var completions = new CompletionBatcher(db.Store, NullLogger<CompletionBatcher>.Instance);
        var recorder = new OutcomeRecorder(db.Runner, completions, new TaskLogStore(db.DataSource), TimeProvider.System, NullLogger<OutcomeRecorder>.Instance);
        var watchdog = new LeaseWatchdog(db.DataSource, recorder, functions, options, TimeProvider.System, NullLogger<LeaseWatchdog>.Instance);

        var cleaned = await watchdog.CleanAsync(default);

        var state = await db.TaskAsync(id);
        Assert.Equal(1, cleaned);
        Assert.Equal(TaskStatus.Failed, state.Status);
        Assert.Equal(TaskError.ZombieTaskCleanedType, state.Error!.Type);
        Assert.True(state.FailedTimestamp >= lease);
        Assert.True(lease - started.StartedTimestamp <= TimeSpan.FromSeconds(12), "the lease is the time limit plus the configured grace");
    }

    private static Process StartService(string connectionString)
    {
        var api = BuiltHost.Find("Tasks.Api");
        var start = new ProcessStartInfo("dotnet", [api])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(api)!,
        };
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Auth__SigningKey"] = "a-signing-key-that-is-long-enough-for-hs256";
        start.Environment["Dispatcher__Runtime"] = "local";
        start.Environment["Dispatcher__LeaseGrace"] = "00:00:01";
        start.Environment["Dispatcher__PollInterval"] = "00:00:00.200";
        start.Environment["Dispatcher__Local__CacheRoot"] = Path.Combine(Path.GetTempPath(), "tasks-killed-dispatcher-" + Guid.NewGuid().ToString("N"));
        var process = Process.Start(start) ?? throw new InvalidOperationException("the service did not start");
        // Drain its output so that it never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static byte[] Zip(string name, string content)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry(name).Open());
            writer.Write(content);
        }

        return buffer.ToArray();
    }
}
