using System.Diagnostics;
using System.Globalization;
using Tasks.Benchmarks.Database;
using Tasks.Benchmarks.Messaging;
using Tasks.Benchmarks.Results;
using Tasks.EventStore.Running;
using Tasks.Messaging.Connections;
using Tasks.Messaging.Topology;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// <c>ingest-amqp</c>: document transitions with one task action each, published to the broker by a separate process
/// (BENCH_INGEST_MESSAGES, 50,000, with confirms) before the service starts, then drained by the service itself
/// (the Tasks.Api composition with ConnectionStrings:RabbitMq): each message's task and its inbox row in one
/// transaction, acknowledged after commit. Value = messages / (last − first <c>task-created</c> recorded_at).
/// Ceiling: pgbench single-row inserts with 32 clients on the same database, before and after the drain.
/// </summary>
internal static class IngestAmqpScenario
{
    public const string Name = "ingest-amqp";

    private const int CeilingClients = 32;
    private const double Target = 5_000;
    private const string CeilingTable = "CREATE TABLE bench_single (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL)";
    private const string CeilingScript = "INSERT INTO bench_single (payload) VALUES (" + BenchTasks.PayloadSql + ");";
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(60);

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        var messages = DispatchRig.Number("BENCH_INGEST_MESSAGES", 50_000, 1);
        var broker = BenchBroker.FromEnvironment();
        await broker.ResetAsync(cancellationToken);

        await using var database = await context.CreateDatabaseAsync(CeilingClients, cancellationToken);
        await database.ExecuteAsync(CeilingTable, cancellationToken);
        await DispatchRig.RegisterFunctionAsync(new CommandRunner(database.Store), BenchTasks.FunctionName, cancellationToken);
        await DeclareTopologyAsync(broker, cancellationToken);

        var published = await TransitionPublisher.PublishInChildProcessAsync(broker.Uri, BenchBroker.DocumentsExchange, messages, BenchTasks.FunctionName, cancellationToken);
        await output.WriteLineAsync($"  publisher process: {published}; queued: {await broker.DepthAsync(BenchBroker.TransitionsQueue, cancellationToken):N0}");

        var duration = TimeSpan.FromSeconds(Math.Max(2, context.Settings.Measured.TotalSeconds / 2));
        var before = await context.Pgbench.RunAsync(database.Connection, CeilingScript, CeilingClients, duration, database.Cpu, cancellationToken);
        await output.WriteLineAsync($"  ceiling (before): {before.TransactionsPerSecond:N0} inserts/s ({before.Cpu.Describe(before.TransactionsPerSecond, "row")})");

        await database.CheckpointAsync(cancellationToken);
        var cpuBefore = database.Cpu.Take();
        var clock = Stopwatch.StartNew();
        await using (var service = await ApiServiceHost.StartAsync(ApiServiceHost.ConnectionStringFor(context.Settings, BenchDatabase.Name), output, cancellationToken, broker.ServiceSettings()))
        {
            await WaitForTasksAsync(database, messages, cancellationToken);
        }

        var wall = clock.Elapsed;
        var cpu = database.Cpu.Take().Since(cpuBefore);
        var (first, last) = await CreationSpanAsync(database, cancellationToken);
        var rate = messages / (last - first).TotalSeconds;
        await Verify(database, broker, messages, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  service: {rate:N0} messages/s from first to last task created ({(last - first).TotalSeconds:0.00} s; service start to drained {wall.TotalSeconds:0.00} s); cpu {cpu.Describe(messages / wall.TotalSeconds, "message")}"));

        var after = await context.Pgbench.RunAsync(database.Connection, CeilingScript, CeilingClients, duration, database.Cpu, cancellationToken);
        await output.WriteLineAsync($"  ceiling (after): {after.TransactionsPerSecond:N0} inserts/s");
        var ceiling = (before.TransactionsPerSecond + after.TransactionsPerSecond) / 2;
        return ScenarioResult.Against(
            Name,
            rate,
            "messages/s",
            ceiling,
            string.Create(CultureInfo.InvariantCulture, $"pgbench -n -M prepared -c {CeilingClients} -j 2 for {duration.TotalSeconds:0} s before and after the drain: one single-row jsonb insert per transaction into bench_single, same database; transactions/s, the mean of the two"),
            string.Create(CultureInfo.InvariantCulture, $"{messages:N0} document.transitioned messages (one task action each, ~420 bytes, persistent, message_id set) published with confirms by a separate process to {BenchBroker.DocumentsExchange} → quorum queue {BenchBroker.TransitionsQueue}, then drained by the service (Tasks.Api composition, prefetch and consumer concurrency at their defaults, 2048 and 512, unless BENCH_INGEST_PREFETCH / BENCH_INGEST_CONCURRENCY): each message's task and inbox row in one transaction (group-committed), acknowledged after commit; every message verified: {messages:N0} tasks, {messages:N0} inbox rows, no dead letters, empty queue; target >= {Target:N0} messages/s (absolute); ceiling before {before.TransactionsPerSecond:N0}, after {after.TransactionsPerSecond:N0}; service start to drained {wall.TotalSeconds:0.00} s"));
    }

    // Declared before publishing, so that the messages queue up before the service consumes them.
    private static async Task DeclareTopologyAsync(BenchBroker broker, CancellationToken cancellationToken)
    {
        await using var connection = new BrokerConnection(broker.Uri, "tasks-bench topology", Microsoft.Extensions.Logging.Abstractions.NullLogger<BrokerConnection>.Instance);
        var options = new MessagingOptions
        {
            DocumentsExchange = BenchBroker.DocumentsExchange,
            DocumentTransitionsQueue = BenchBroker.TransitionsQueue,
            DeadLetterQueue = BenchBroker.DeadLetterQueue,
            EventsExchange = BenchBroker.EventsExchange,
        };
        await MessagingTopology.DeclareAsync(connection, options, cancellationToken);
    }

    private static async Task WaitForTasksAsync(BenchDatabase database, int messages, CancellationToken cancellationToken)
    {
        var last = -1L;
        var lastProgress = Stopwatch.StartNew();
        while (true)
        {
            var tasks = await database.ScalarAsync<long>("SELECT count(*) FROM tasks", cancellationToken);
            if (tasks >= messages)
            {
                return;
            }

            if (tasks != last)
            {
                last = tasks;
                lastProgress.Restart();
            }
            else if (lastProgress.Elapsed > StallLimit)
            {
                throw new BenchmarkFailedException($"ingestion stalled at {tasks:N0} of {messages:N0} tasks");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static async Task<(DateTimeOffset First, DateTimeOffset Last)> CreationSpanAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var first = await database.ScalarAsync<DateTime>("SELECT min(recorded_at) FROM events WHERE type = 'task-created'", cancellationToken);
        var last = await database.ScalarAsync<DateTime>("SELECT max(recorded_at) FROM events WHERE type = 'task-created'", cancellationToken);
        return (new DateTimeOffset(first, TimeSpan.Zero), new DateTimeOffset(last, TimeSpan.Zero));
    }

    private static async Task Verify(BenchDatabase database, BenchBroker broker, int messages, CancellationToken cancellationToken)
    {
        var tasks = await database.ScalarAsync<long>("SELECT count(*) FROM tasks", cancellationToken);
        var inbox = await database.ScalarAsync<long>("SELECT count(*) FROM inbox", cancellationToken);
        var dead = await broker.DepthAsync(BenchBroker.DeadLetterQueue, cancellationToken);
        var queued = await broker.DepthAsync(BenchBroker.TransitionsQueue, cancellationToken);
        if (tasks != messages || inbox != messages || dead != 0 || queued != 0)
        {
            throw new BenchmarkFailedException($"expected {messages} tasks and inbox rows, no dead letters and an empty queue; found {tasks} tasks, {inbox} inbox rows, {dead} dead letters, {queued} queued");
        }
    }
}
