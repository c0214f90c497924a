using System.Globalization;
using Amazon.Runtime;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.Benchmarks.Database;
using Tasks.Dispatcher.Functions;
using Tasks.Dispatcher.Hosting;
using Tasks.Dispatcher.Invoking.Lambda;
using Tasks.Dispatcher.Leases;
using Tasks.Dispatcher.Queue;
using Tasks.Dispatcher.Running;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.EventStore.Connections;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections;
using Tasks.Projections.Commands;
using Tasks.Projections.Logs;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// The dispatcher as the service composes it (<c>AddTaskDispatcher</c> with runtime <c>lambda</c>): its own pool with the
/// service's settings, a store and log signal, the real claimer, starter, outcome recorder, function cache, lease
/// watchdog and <see cref="LambdaFunctionInvoker"/>, pointed at an <see cref="InstantLambdaEndpoint"/> on loopback.
/// </summary>
internal sealed class DispatchRig : IAsyncDisposable
{
    private static readonly ILoggerFactory Logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));

    private readonly HttpClient httpClient;
    private bool started;

    private DispatchRig(NpgsqlDataSource dataSource, DispatcherOptions options, Uri endpoint)
    {
        DataSource = dataSource;
        Options = options;
        Signal = new LogSignal();
        Store = TaskEventStore.Create(dataSource, Signal);
        Runner = new CommandRunner(Store);
        var clock = TimeProvider.System;
        httpClient = new HttpClient { Timeout = FunctionInvokers.LambdaHttpTimeout };
        var invoker = new LambdaFunctionInvoker(
            httpClient,
            new LambdaInvokerOptions { Endpoint = endpoint, Region = "eu-west-1", Credentials = new BasicAWSCredentials("bench-key", "bench-secret") });
        var functions = new FunctionDefinitions(dataSource, clock);
        Completions = new CompletionBatcher(Store, Logs.CreateLogger<CompletionBatcher>());
        Completions.StartAsync(default).GetAwaiter().GetResult();
        var recorder = new OutcomeRecorder(Runner, Completions, new TaskLogStore(dataSource), clock, Logs.CreateLogger<OutcomeRecorder>());
        Dispatcher = new TaskDispatcher(new DueTaskClaimer(Store, new LeasePolicy(options.LeaseGrace, options.MaxLease)), recorder, functions, invoker, Signal, options, clock, Logs.CreateLogger<TaskDispatcher>());
        Watchdog = new LeaseWatchdog(dataSource, recorder, functions, options, clock, Logs.CreateLogger<LeaseWatchdog>());
        Notifications = new LogNotifications(dataSource, Signal, Logs.CreateLogger<LogNotifications>());
    }

    public NpgsqlDataSource DataSource { get; }

    public DispatcherOptions Options { get; }

    public LogSignal Signal { get; }

    public EventStore.EventStore Store { get; }

    public CommandRunner Runner { get; }

    public TaskDispatcher Dispatcher { get; }

    /// <summary>The group commit of completions (started with the rig).</summary>
    public CompletionBatcher Completions { get; }

    public LeaseWatchdog Watchdog { get; }

    /// <summary>The NOTIFY sender and listener of the dispatcher's process.</summary>
    public LogNotifications Notifications { get; }

    /// <summary>Tuning from the environment: BENCH_DISPATCH_INFLIGHT, BENCH_DISPATCH_CLAIM, BENCH_DISPATCH_CONCURRENCY.</summary>
    public static DispatcherOptions OptionsFromEnvironment(int inFlight, int claimBatch) => new()
    {
        Runtime = "lambda",
        MaxInFlight = Number("BENCH_DISPATCH_INFLIGHT", inFlight, 1),
        ClaimBatch = Number("BENCH_DISPATCH_CLAIM", claimBatch, 1),
        GlobalConcurrency = Number("BENCH_DISPATCH_CONCURRENCY", Number("BENCH_DISPATCH_INFLIGHT", inFlight, 1), 1),
    };

    /// <summary>A dispatcher over the bench database, with a pool of its own built as the service builds it.</summary>
    public static DispatchRig Create(BenchSettings settings, DispatcherOptions options, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dataSource = EventStoreDataSource.Create(ApiServiceHost.ConnectionStringFor(settings, BenchDatabase.Name), "tasks-dispatch-bench");
        return new DispatchRig(dataSource, options, endpoint);
    }

    public static int Number(string variable, int fallback, int min)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new ArgumentException($"{variable} must be a whole number of at least {min}, not '{text}'");
    }

    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"MaxInFlight {Options.MaxInFlight}, ClaimBatch {Options.ClaimBatch}, GlobalConcurrency {Options.GlobalConcurrency}, PollInterval {Options.PollInterval.TotalMilliseconds:0} ms");

    /// <summary>Registers the bench function through the domain (an enabled nodejs function, 30 s limit, no retries).</summary>
    public Task RegisterFunctionAsync(string name, CancellationToken cancellationToken) => RegisterFunctionAsync(Runner, name, cancellationToken);

    /// <summary>Registers <paramref name="name"/> through the domain: a Node.js function with a 30 s limit and no retries.</summary>
    public static async Task RegisterFunctionAsync(CommandRunner runner, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        var definition = new FunctionDefinition { Name = name, EntryPoint = "index.handler", Runtime = "nodejs22.x", TimeLimit = 30, RetryPolicy = Tasks.Domain.Functions.RetryPolicy.Disabled, Enabled = true };
        var command = new RegisterFunction(definition, Actor.System, DateTimeOffset.UtcNow);
        var result = await runner.RunAsync(FunctionStreamId.For(name), DomainStreams.Function, s => FunctionDecider.Instance.Decide(command, s).ToDecided(), EventMetadata.None, cancellationToken: cancellationToken);
        if (result.Rejection is { } rejection)
        {
            throw new BenchmarkFailedException($"registering {name} was rejected: {rejection}");
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await Notifications.StartAsync(cancellationToken);
        await Watchdog.StartAsync(cancellationToken);
        await Dispatcher.StartAsync(cancellationToken);
        started = true;
    }

    public async Task StopAsync()
    {
        if (!started)
        {
            return;
        }

        started = false;
        await Dispatcher.StopAsync(CancellationToken.None);
        await Watchdog.StopAsync(CancellationToken.None);
        await Notifications.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Dispatcher.Dispose();
        Watchdog.Dispose();
        Notifications.Dispose();
        await Completions.StopAsync(CancellationToken.None);
        Completions.Dispose();
        httpClient.Dispose();
        await DataSource.DisposeAsync();
    }
}

/// <summary>Nearest-rank percentiles of latencies in milliseconds.</summary>
internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> milliseconds)
    {
        var all = milliseconds.ToArray();
        if (all.Length == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0);
        }

        Array.Sort(all);
        double At(double share) => all[Math.Clamp((int)Math.Ceiling(share * all.Length) - 1, 0, all.Length - 1)];
        return new Percentiles(all.Length, At(0.50), At(0.95), At(0.99), all[^1]);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.00} ms, p95 {P95:0.00} ms, p99 {P99:0.00} ms, max {Max:0.00} ms over {Count:N0}");
}
