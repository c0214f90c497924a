using System.Globalization;
using Tasks.Benchmarks.Database;
using Tasks.Benchmarks.Results;
using Tasks.Benchmarks.Running;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// <c>api-create</c>: <c>createTask</c> mutations per second through the whole service over HTTP (Kestrel on
/// loopback, bearer token, GraphQL, command runner, PostgreSQL), from 32 keep-alive connections.
/// Ceiling: pgbench committing one single-row insert per transaction with as many clients, on the same
/// database, in alternating slices of the same run (as <c>append-single</c>).
/// </summary>
internal static class ApiCreateScenario
{
    public const string Name = "api-create";

    /// <summary>Concurrent requests, HTTP connections, and pgbench clients.</summary>
    private const int Connections = 32;

    private const string Mutation = "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } errors { code } } }";

    private const string CeilingTable = "CREATE TABLE bench_single (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL)";
    private const string CeilingScript = "INSERT INTO bench_single (payload) VALUES (" + BenchTasks.PayloadSql + ");";

    // A created task answers exactly {"data":{"createTask":{"task":{"id":"<uuid>"},"errors":[]}}}.
    private const string CreatedPrefix = "{\"data\":{\"createTask\":{\"task\":{\"id\":\"";
    private const string CreatedSuffix = "\"},\"errors\":[]}}}";

    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(90);

    private static readonly string QueryJson = ApiServiceHost.Json(Mutation);

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        await using var database = await context.CreateDatabaseAsync(Connections, cancellationToken);
        await database.ExecuteAsync(CeilingTable, cancellationToken);
        await using var service = await ApiServiceHost.StartAsync(ApiServiceHost.ConnectionStringFor(settings, BenchDatabase.Name), context.Output, cancellationToken);
        using var client = service.CreateClient(Connections);
        await ApiServiceHost.CreateFunctionAsync(client, BenchTasks.FunctionName, cancellationToken);
        var first = await ApiServiceHost.PostAsync(client, RequestBody(), cancellationToken);
        CheckCreated(first);
        await context.Output.WriteLineAsync($"  first response: {first}");
        var warmedUp = await ApiServiceHost.WarmUpAsync(Connections, (_, ct) => CreateOneAsync(client, ct), settings.WarmUp, MaxWarmUp, cancellationToken);
        await context.Output.WriteLineAsync("  " + warmedUp);

        // Counted from here: the warm-up's tasks are in the tables too.
        var before = await database.CountTaskRowsAsync(cancellationToken);

        var measurement = await context.MeasureInterleavedAsync(
            database,
            CeilingScript,
            Connections,
            ceilingRowsPerTransaction: 1,
            (warmUp, window) => new TimedLoad(Connections, warmUp, window, database.Cpu).RunAsync(_ => CreateOneAsync(client, cancellationToken), cancellationToken),
            cancellationToken);
        var load = measurement.Load;

        // Every mutation answered with a task must be in the log, the read model and the queue.
        var counts = await database.CountTaskRowsAsync(cancellationToken);
        new TaskRowCounts(counts.Events - before.Events, counts.Tasks - before.Tasks, counts.Queued - before.Queued).Verify(load.TotalTasks, load.TotalEvents);
        await context.Output.WriteLineAsync($"  verified: {counts} (with the function's event, the check task and the warm-up's)");

        return ScenarioResult.Against(
            Name,
            load.TasksPerSecond,
            "mutations/s",
            measurement.Ceiling,
            string.Create(CultureInfo.InvariantCulture, $"pgbench -n -M prepared -c {Connections} -j 2: one single-row jsonb insert per transaction into bench_single (identity primary key), same database; {settings.Rounds} slices alternating with the measurement, as long in total; transactions/s"),
            string.Create(CultureInfo.InvariantCulture, $"POST /graphql createTask with a bearer token, {Connections} concurrent requests over {Connections} keep-alive HTTP/1.1 connections to the service (Tasks.Api composition on Kestrel, loopback, same process as the client); target ratio >= 0.25; {warmedUp}; latency per request {load.Latency}; cpu while measuring (client = service + HTTP client): {measurement.LoadCpu}; while pgbench ran: {measurement.CeilingCpu}; ratio per round {measurement.RoundRatios}; {load.TotalTasks} tasks verified in events, tasks and dispatch_queue"));
    }

    private static async Task<Written> CreateOneAsync(HttpClient client, CancellationToken cancellationToken)
    {
        CheckCreated(await ApiServiceHost.PostAsync(client, RequestBody(), cancellationToken));
        return new Written(1, 1);
    }

    // The task every scenario creates (see BenchTasks): resize-image, tag bench, about 60 bytes of distinct data.
    private static string RequestBody() => string.Concat(
        "{\"query\":",
        QueryJson,
        ",\"variables\":{\"input\":{\"functionName\":\"",
        BenchTasks.FunctionName,
        "\",\"data\":{\"documentId\":\"",
        Guid.NewGuid().ToString(),
        "\",\"size\":3},\"tags\":[\"bench\"]}}}");

    private static void CheckCreated(string response)
    {
        if (response.Length != CreatedPrefix.Length + 36 + CreatedSuffix.Length
            || !response.StartsWith(CreatedPrefix, StringComparison.Ordinal)
            || !response.EndsWith(CreatedSuffix, StringComparison.Ordinal))
        {
            throw new BenchmarkFailedException($"createTask did not create a task: {ApiServiceHost.Shorten(response)}");
        }
    }
}
