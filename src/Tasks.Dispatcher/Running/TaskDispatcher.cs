using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Dispatcher.Functions;
using Tasks.Dispatcher.Hosting;
using Tasks.Dispatcher.Invoking;
using Tasks.Dispatcher.Queue;
using Tasks.Domain.Functions;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Notifications;

namespace Tasks.Dispatcher.Running;

/// <summary>
/// The worker loop: claim due tasks and record their starts with leases in one commit, then invoke each function and
/// record the outcome. It wakes on commits (this process's and, through NOTIFY, other processes'), when a running task ends, at
/// the next task's start time, and on a polling backstop. Any number of dispatchers may share one database.
/// </summary>
public sealed class TaskDispatcher(
    DueTaskClaimer claimer,
    OutcomeRecorder recorder,
    FunctionDefinitions functions,
    IFunctionInvoker invoker,
    LogSignal signal,
    DispatcherOptions options,
    TimeProvider clock,
    ILogger<TaskDispatcher> logger) : BackgroundService
{
    private readonly Lock gate = new();
    private readonly HashSet<Task> running = [];
    private readonly SemaphoreSlim slotFreed = new(0, int.MaxValue);

    /// <summary>How many tasks this dispatcher is running now.</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return running.Count;
            }
        }
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var waiter = signal.Subscribe();
        var limits = new ConcurrencyLimits(options.GlobalConcurrency, options.FunctionConcurrency);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var room = Math.Min(options.ClaimBatch, options.MaxInFlight - InFlight);
                var claimed = room > 0 ? await ClaimAndStartAsync(room, limits, stoppingToken) : 0;
                if (room > 0 && claimed == room)
                {
                    // More may be due right now.
                    continue;
                }

                await WaitAsync(waiter, room > 0, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning(e, "Dispatching failed; retrying in a second.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop claiming first, then give running work its grace period; what is still running then is left to the leases.
        await base.StopAsync(cancellationToken);
        Task[] inFlight;
        lock (gate)
        {
            inFlight = [.. running];
        }

        var finished = Task.WhenAll(inFlight);
        if (await Task.WhenAny(finished, Task.Delay(options.ShutdownGrace, CancellationToken.None)) != finished)
        {
            logger.LogWarning("{Count} tasks were still running at shutdown; their leases will expire and the watchdog will fail them.", inFlight.Count(t => !t.IsCompleted));
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        slotFreed.Dispose();
        base.Dispose();
    }

    private async Task<int> ClaimAndStartAsync(int room, ConcurrencyLimits limits, CancellationToken cancellationToken)
    {
        var claims = await claimer.ClaimAsync(room, clock.GetUtcNow(), limits, cancellationToken);
        if (claims.Count == 0)
        {
            return 0;
        }

        var definitions = await functions.FindManyAsync([.. claims.Select(c => c.FunctionName)], cancellationToken);
        foreach (var task in claims)
        {
            Run(task, definitions.GetValueOrDefault(task.FunctionName));
        }

        return claims.Count;
    }

    private void Run(ClaimedTask task, FunctionDefinition? function)
    {
        var run = Task.Run(() => RunAsync(task, function));
        lock (gate)
        {
            running.Add(run);
        }

        run.ContinueWith(
            finished =>
            {
                lock (gate)
                {
                    running.Remove(finished);
                }

                slotFreed.Release();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAsync(ClaimedTask task, FunctionDefinition? function)
    {
        try
        {
            if (function is null)
            {
                await recorder.FailAsync(task.TaskId, new TaskError("functionNotFound", "FunctionNotFound", $"The function '{task.FunctionName}' does not exist (any more)."), RetryPolicy.Disabled, CancellationToken.None);
                return;
            }

            // The invocation must end, and its outcome be recorded, before the lease runs out.
            var timeLimit = TimeSpan.FromSeconds(function.TimeLimit);
            var untilLease = task.LeaseExpiresAt - clock.GetUtcNow() - TimeSpan.FromSeconds(1);
            var timeout = timeLimit < untilLease ? timeLimit : untilLease;
            var outcome = await invoker.InvokeAsync(new InvocationRequest(function, FunctionEvent.For(task), timeout, task.TaskId), CancellationToken.None);
            await recorder.RecordAsync(task.TaskId, task.StartedVersion, function, outcome, CancellationToken.None);
        }
        catch (Exception e)
        {
            // The run's outcome could not be recorded: the lease expires and the watchdog fails the task.
            logger.LogError(e, "Running task {TaskId} failed; its lease will expire.", task.TaskId);
        }
    }

    private async Task WaitAsync(LogWaiter waiter, bool hasRoom, CancellationToken cancellationToken)
    {
        var wait = options.PollInterval;
        if (hasRoom && await claimer.NextDueAsync(cancellationToken) is { } due)
        {
            var untilDue = due - clock.GetUtcNow();
            if (untilDue < wait)
            {
                wait = untilDue > TimeSpan.Zero ? untilDue : TimeSpan.Zero;
            }
        }

        if (wait == TimeSpan.Zero)
        {
            return;
        }

        // A commit may bring due work; a finished run frees a slot.
        await Task.WhenAny(waiter.WaitAsync(wait, cancellationToken), slotFreed.WaitAsync(wait, cancellationToken));
    }
}
