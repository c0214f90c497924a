using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tasks.Api.Tasks;
using Tasks.Benchmarks.Results;
using Tasks.Benchmarks.Running;
using Tasks.Projections.Daemon;
using Tasks.Projections.Queries;

namespace Tasks.Benchmarks.Scenarios;

/// <summary>
/// <c>api-query</c>: latency of a filtered, sorted page of 50 tasks out of a million, through the whole service
/// over HTTP: <c>tasks(where: { functionName: { eq }, status: { in: [NEW, FAILED] } }, order: [{ creationTimestamp: DESC }], first: 50)</c>,
/// first pages and (second variant) pages 2-5 reached with <c>after</c>; one request at a time, then 4 at a time.
/// Ceiling: the same SQL (compiled by the same query compiler) run directly with Npgsql, in alternating slices.
/// </summary>
internal static class ApiQueryScenario
{
    public const string Name = "api-query";

    private const int PageSize = 50;
    private const int Concurrency = 4;
    private const int DeepestPage = 5;
    private const double TargetP99Milliseconds = 10;

    private const string Query =
        "query($f: String!, $after: String) { tasks(where: { functionName: { eq: $f }, status: { in: [NEW, FAILED] } }, order: [{ creationTimestamp: DESC }], first: 50, after: $after) " +
        "{ nodes { id status priority creationTimestamp tags } pageInfo { hasNextPage endCursor } } }";

    private const string PagePrefix = "{\"data\":{\"tasks\":{\"nodes\":[{";

    private static readonly TimeSpan ProjectionCatchUpLimit = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    public static async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        var output = context.Output;
        var taskCount = EnvironmentNumber("BENCH_QUERY_TASKS", 1_000_000, min: 1_000);
        await using var database = await ApiQueryDatabase.PrepareAsync(settings, taskCount, output, cancellationToken);
        await using var service = await ApiServiceHost.StartAsync(ApiServiceHost.ConnectionStringFor(settings, ApiQueryDatabase.Name), output, cancellationToken);
        await WaitForProjectionsAsync(service, output, cancellationToken);
        using var client = service.CreateClient(Concurrency);
        var functions = ApiQueryDatabase.FunctionNames;

        // Walk pages 1-4 of every function once through the API, checking each page, to get the cursors of pages 2-5.
        var firstPages = functions.Select(f => new PageRequestCase(f, 1, null, ApiServiceHost.Body(Query, Variables(f, null)), Compile(f, null))).ToArray();
        var laterPages = new List<PageRequestCase>();
        var matching = new List<int>();
        foreach (var function in functions)
        {
            string? after = null;
            for (var page = 1; page < DeepestPage; page++)
            {
                var response = await ApiServiceHost.PostAsync(client, ApiServiceHost.Body(Query, Variables(function, after)), cancellationToken);
                after = CheckPage(response, function, page);
                laterPages.Add(new PageRequestCase(function, page + 1, after, ApiServiceHost.Body(Query, Variables(function, after)), Compile(function, after)));
            }

            matching.Add(await CountMatchingAsync(database.DataSource, function, cancellationToken));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {taskCount:N0} tasks; {matching.Min():N0}-{matching.Max():N0} NEW or FAILED per function ({functions.Count} functions); pages checked: 50 nodes each, NEW/FAILED only, newest first"));
        await CheckSameRowsAsync(client, database.DataSource, firstPages[0], cancellationToken);
        await CheckSameRowsAsync(client, database.DataSource, laterPages[^1], cancellationToken);
        await output.WriteLineAsync($"  ceiling SQL (as the API compiles it; {firstPages[0].Sql.Query.Parameters.Count} parameters): {firstPages[0].Sql.Query.Sql}");
        Func<Random, CancellationToken, Task> Api(IReadOnlyList<PageRequestCase> cases) => async (random, ct) =>
        {
            var response = await ApiServiceHost.PostAsync(client, cases[random.Next(cases.Count)].Body, ct);
            if (!response.StartsWith(PagePrefix, StringComparison.Ordinal))
            {
                throw new BenchmarkFailedException($"tasks answered without a page: {ApiServiceHost.Shorten(response)}");
            }
        };
        Func<Random, CancellationToken, Task> Sql(IReadOnlyList<PageRequestCase> cases) => (random, ct) => ReadPageAsync(database.DataSource, cases[random.Next(cases.Count)], ct);

        // Untimed, until the JIT settles: the service, the client, plan caches, the buffer cache and the connections.
        var kinds = (Func<Random, CancellationToken, Task>[])[Api(firstPages), Api(laterPages), Sql(firstPages), Sql(laterPages)];
#pragma warning disable CA5394 // Picks which function or page to ask for; nothing secret.
        var warmUpRandom = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
#pragma warning restore CA5394
        using (warmUpRandom)
        {
            var warmedUp = await ApiServiceHost.WarmUpAsync(Concurrency, (worker, ct) => kinds[worker % kinds.Length](warmUpRandom.Value!, ct), settings.WarmUp, MaxWarmUp, cancellationToken);
            await output.WriteLineAsync("  " + warmedUp);
        }

        // Once, warm: does the plan read the page off an index in order, or sort?
        var planNotes = new List<string>
        {
            await ExplainAsync(database.DataSource, firstPages[0], output, cancellationToken),
            await ExplainAsync(database.DataSource, laterPages[^1], output, cancellationToken),
        };

        var slice = TimeSpan.FromSeconds(Math.Max(0.5, settings.Measured.TotalSeconds / settings.Rounds / 2));
        var measurements = new List<PairedMeasurement>();
        foreach (var (label, cases) in (ValueTuple<string, IReadOnlyList<PageRequestCase>>[])[("page 1", firstPages), ("pages 2-5 (after)", laterPages)])
        {
            foreach (var workers in (int[])[1, Concurrency])
            {
                var measured = await MeasurePairAsync(label, workers, Api(cases), Sql(cases), slice, settings.Rounds, database.Cpu, cancellationToken);
                measurements.Add(measured);
                await output.WriteLineAsync("  " + measured.Describe());
            }
        }

        var headline = measurements[0];
        var verdicts = string.Join("; ", measurements.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Label} x{m.Workers}: p99 {m.Api.P99:0.00} ms {(m.Api.P99 <= TargetP99Milliseconds ? "meets" : "MISSES")} <= {TargetP99Milliseconds:0} ms")));
        await output.WriteLineAsync($"  target: {verdicts}");
        return new ScenarioResult(
            Name,
            Math.Round(headline.Api.P99 * 1000, 1),
            "µs p99",
            Math.Round(headline.Sql.P99 * 1000, 1),
            Math.Round(headline.Api.P99 / headline.Sql.P99, 3),
            "the same SELECT (as the API's query compiler writes it: ... WHERE function_name = $1 AND status = ANY($2) ORDER BY created_at DESC, id DESC LIMIT 51, plus the keyset condition for later pages) run directly with Npgsql on a pool with the service's settings, every column read; alternating slices with the API in the same run",
            string.Create(CultureInfo.InvariantCulture, $"value = p99 of sequential first-page requests over HTTP (Tasks.Api on Kestrel, loopback, bearer token), lower is better; target p99 <= {TargetP99Milliseconds:0} ms; {string.Join("; ", measurements.Select(m => m.Describe()))}; {database.Description}; plans: {string.Join(" | ", planNotes)}"));
    }

    private static string Variables(string function, string? after) =>
        string.Concat("{\"f\":", ApiServiceHost.Json(function), ",\"after\":", after is null ? "null" : ApiServiceHost.Json(after), "}");

    private static CompiledPageQuery Compile(string function, string? after) =>
        ReadModelQueryCompiler.Compile(
            TaskQueryModel.ReadModel,
            new ReadModelQuery(
                QueryFilter.And(
                    QueryFilter.Where(TaskQueryModel.FunctionName, FilterOperator.Eq, function),
                    QueryFilter.Where(TaskQueryModel.Status, FilterOperator.In, new[] { "new", "failed" })),
                [new SortField(TaskQueryModel.CreationTimestamp, SortDirection.Descending)],
                new PageRequest(PageSize, after)),
            TaskRows.Columns);

    /// <summary>Checks one page the API returned in full and returns its end cursor.</summary>
    private static string CheckPage(string response, string function, int page)
    {
        using var document = JsonDocument.Parse(response);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors))
        {
            throw new BenchmarkFailedException($"tasks({function}, page {page}) answered errors: {ApiServiceHost.Shorten(errors.GetRawText())}");
        }

        var connection = root.GetProperty("data").GetProperty("tasks");
        var nodes = connection.GetProperty("nodes").EnumerateArray().ToArray();
        var info = connection.GetProperty("pageInfo");
        var previous = DateTimeOffset.MaxValue;
        foreach (var node in nodes)
        {
            var status = node.GetProperty("status").GetString();
            var created = DateTimeOffset.Parse(node.GetProperty("creationTimestamp").GetString()!, CultureInfo.InvariantCulture);
            if (status is not ("NEW" or "FAILED") || created > previous)
            {
                throw new BenchmarkFailedException($"tasks({function}, page {page}) is not filtered or sorted as asked: {ApiServiceHost.Shorten(node.GetRawText())}");
            }

            previous = created;
        }

        if (nodes.Length != PageSize || !info.GetProperty("hasNextPage").GetBoolean() || info.GetProperty("endCursor").GetString() is not { Length: > 0 } cursor)
        {
            throw new BenchmarkFailedException($"tasks({function}, page {page}) returned {nodes.Length} nodes, or no next page: seed more tasks");
        }

        return cursor;
    }

    /// <summary>The ceiling must be the API's query: the ids the API returns are the first 50 rows the SQL returns.</summary>
    private static async Task CheckSameRowsAsync(HttpClient client, NpgsqlDataSource dataSource, PageRequestCase page, CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await ApiServiceHost.PostAsync(client, page.Body, cancellationToken));
        var apiIds = document.RootElement.GetProperty("data").GetProperty("tasks").GetProperty("nodes").EnumerateArray().Select(n => Guid.Parse(n.GetProperty("id").GetString()!)).ToArray();
        var sqlIds = new List<Guid>();
        await using (var command = page.Sql.Query.ToCommand(dataSource))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                sqlIds.Add(reader.GetGuid(0));
            }
        }

        if (sqlIds.Count != PageSize + 1 || !apiIds.SequenceEqual(sqlIds.Take(PageSize)))
        {
            throw new BenchmarkFailedException($"the ceiling SQL does not return the API's page ({page.Function}, page {page.Page}): {sqlIds.Count} rows");
        }
    }

    private static async Task<int> CountMatchingAsync(NpgsqlDataSource dataSource, string function, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM tasks WHERE function_name = $1 AND status IN ('new', 'failed')");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = function });
        return (int)(long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Prints <c>EXPLAIN (ANALYZE, BUFFERS)</c> of a page query and returns a one-line verdict.</summary>
    private static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, PageRequestCase page, TextWriter output, CancellationToken cancellationToken)
    {
        var plan = new List<string>();
        await using (var command = dataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + page.Sql.Query.Sql))
        {
            foreach (var parameter in page.Sql.Query.Parameters)
            {
                command.Parameters.Add(parameter.Clone());
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                plan.Add(reader.GetString(0));
            }
        }

        var nodes = plan.Select(l => l.Trim().TrimStart('-', '>', ' ')).ToArray();
        var index = nodes.FirstOrDefault(n => n.StartsWith("Index Scan", StringComparison.Ordinal) || n.StartsWith("Index Only Scan", StringComparison.Ordinal));
        var bad = nodes.Where(n => n.StartsWith("Seq Scan", StringComparison.Ordinal) || n.StartsWith("Sort", StringComparison.Ordinal) || n.StartsWith("Bitmap Heap Scan", StringComparison.Ordinal)).ToArray();
        var time = nodes.FirstOrDefault(n => n.StartsWith("Execution Time", StringComparison.Ordinal)) ?? "";
        var verdict = index is not null && bad.Length == 0
            ? $"{page.Function} page {page.Page}: {ShortNode(index)}, no sort, {time}"
            : $"{page.Function} page {page.Page}: NOT a plain ordered index scan ({string.Join(", ", bad.Select(ShortNode))}), {time}";
        await output.WriteLineAsync($"  plan of {page.Function} page {page.Page}:");
        foreach (var line in plan)
        {
            await output.WriteLineAsync("    " + line);
        }

        await output.WriteLineAsync($"  plan verdict: {verdict}");
        return verdict;
    }

    private static string ShortNode(string node) => node.Split("  (", 2)[0];

    private static async Task ReadPageAsync(NpgsqlDataSource dataSource, PageRequestCase page, CancellationToken cancellationToken)
    {
        await using var command = page.Sql.Query.ToCommand(dataSource);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                _ = reader.GetValue(i);
            }

            rows++;
        }

        if (rows != PageSize + 1)
        {
            throw new BenchmarkFailedException($"the ceiling SQL returned {rows} rows for {page.Function} page {page.Page}");
        }
    }

    private static async Task WaitForProjectionsAsync(ApiServiceHost service, TextWriter output, CancellationToken cancellationToken)
    {
        // The asynchronous projections start from their checkpoints; after a fresh seed they have the whole log to
        // read, which must not run beside the measurement. Reused databases are caught up already.
        var daemon = service.Services.GetRequiredService<ProjectionDaemon>();
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        while (true)
        {
            var behind = (await daemon.StatusAsync(cancellationToken)).Sum(s => s.EventsBehind);
            if (behind == 0)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  asynchronous projections caught up after {clock.Elapsed.TotalSeconds:0.0} s"));
                return;
            }

            if (clock.Elapsed > ProjectionCatchUpLimit)
            {
                throw new BenchmarkFailedException($"the projection daemon is still {behind:N0} events behind after {ProjectionCatchUpLimit.TotalMinutes:0} minutes");
            }

            if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(15))
            {
                lastReport = clock.Elapsed;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    waiting for the projection daemon: {behind:N0} events behind (counted up to {ProjectionDaemon.LagCountLimit:N0}), leader: {daemon.IsLeader}"));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>The API and its ceiling in alternating slices (API first in odd rounds, SQL first in even ones), equally long in total.</summary>
    private static async Task<PairedMeasurement> MeasurePairAsync(
        string label,
        int workers,
        Func<Random, CancellationToken, Task> api,
        Func<Random, CancellationToken, Task> sql,
        TimeSpan slice,
        int rounds,
        CpuSampler cpu,
        CancellationToken cancellationToken)
    {
        var apiSide = new LatencySide();
        var sqlSide = new LatencySide();
        for (var round = 0; round < rounds; round++)
        {
            if (round % 2 == 0)
            {
                await RunSliceAsync(api, workers, slice, cpu, apiSide, cancellationToken);
                await RunSliceAsync(sql, workers, slice, cpu, sqlSide, cancellationToken);
            }
            else
            {
                await RunSliceAsync(sql, workers, slice, cpu, sqlSide, cancellationToken);
                await RunSliceAsync(api, workers, slice, cpu, apiSide, cancellationToken);
            }
        }

        return new PairedMeasurement(label, workers, apiSide.Summarize(), sqlSide.Summarize());
    }

    /// <summary><paramref name="workers"/> loops, each issuing its next request when the last one answered, for <paramref name="duration"/>.</summary>
    private static async Task RunSliceAsync(Func<Random, CancellationToken, Task> operation, int workers, TimeSpan duration, CpuSampler cpu, LatencySide side, CancellationToken cancellationToken)
    {
        var samples = new List<long>[workers];
        var before = cpu.Take();
        var loops = Enumerable.Range(0, workers).Select(w => Task.Run(
            async () =>
            {
#pragma warning disable CA5394 // Picks which function or page to ask for; nothing secret.
                var random = new Random(unchecked((w * 7919) + Environment.TickCount));
#pragma warning restore CA5394
                var mine = samples[w] = new List<long>(4096);
                var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
                while (Stopwatch.GetTimestamp() < end)
                {
                    var started = Stopwatch.GetTimestamp();
                    await operation(random, cancellationToken);
                    mine.Add(Stopwatch.GetTimestamp() - started);
                }
            },
            cancellationToken)).ToArray();
        await Task.WhenAll(loops);
        var usage = cpu.Take().Since(before);
        side.Add(samples.SelectMany(s => s), Stopwatch.GetElapsedTime(before.Timestamp), usage);
    }

    private static int EnvironmentNumber(string variable, int fallback, int min)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw new BenchmarkFailedException($"{variable} must be a whole number of at least {min}, not '{text}'");
    }

    /// <summary>One page to ask for: by the API (the request body) and directly (the compiled SQL).</summary>
    private sealed record PageRequestCase(string Function, int Page, string? After, string Body, CompiledPageQuery Sql);

    /// <summary>Latencies and CPU of one side (API or SQL) over its slices.</summary>
    private sealed class LatencySide
    {
        private readonly List<long> ticks = new(65_536);
        private TimeSpan elapsed;
        private double clientCoreSeconds;
        private double serverCoreSeconds;
        private bool serverKnown = true;

        public void Add(IEnumerable<long> samples, TimeSpan sliceElapsed, CpuUsage usage)
        {
            ticks.AddRange(samples);
            elapsed += sliceElapsed;
            clientCoreSeconds += usage.ClientCores * sliceElapsed.TotalSeconds;
            serverCoreSeconds += (usage.ServerCores ?? 0) * sliceElapsed.TotalSeconds;
            serverKnown &= usage.ServerCores.HasValue;
        }

        public LatencyPercentiles Summarize()
        {
            var sorted = ticks.ToArray();
            Array.Sort(sorted);
            double At(double share) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Length) - 1, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
            var requests = sorted.Length;
            return new LatencyPercentiles(
                requests,
                requests / Math.Max(elapsed.TotalSeconds, double.Epsilon),
                At(0.50),
                At(0.95),
                At(0.99),
                At(1.0),
                requests == 0 ? 0 : clientCoreSeconds * 1e6 / requests,
                serverKnown && requests > 0 ? serverCoreSeconds * 1e6 / requests : null);
        }
    }

    /// <summary>Nearest-rank percentiles in milliseconds, the rate, and CPU per request (this process = service + client; the server).</summary>
    private sealed record LatencyPercentiles(int Requests, double PerSecond, double P50, double P95, double P99, double Max, double ClientMicroseconds, double? ServerMicroseconds)
    {
        public override string ToString()
        {
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.00} / p95 {P95:0.00} / p99 {P99:0.00} / max {Max:0.00} ms, {Requests:N0} requests ({PerSecond:N0}/s), cpu per request: process {ClientMicroseconds:N0} µs"));
            if (ServerMicroseconds is { } server)
            {
                text.Append(CultureInfo.InvariantCulture, $", server {server:N0} µs");
            }

            return text.ToString();
        }
    }

    private sealed record PairedMeasurement(string Label, int Workers, LatencyPercentiles Api, LatencyPercentiles Sql)
    {
        public string Describe() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Label}, {Workers} at a time: API {Api} | SQL {Sql} | p99 ratio {Api.P99 / Sql.P99:0.00}");
    }
}
