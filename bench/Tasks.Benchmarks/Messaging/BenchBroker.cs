using RabbitMQ.Client;

namespace Tasks.Benchmarks.Messaging;

/// <summary>
/// The broker the messaging scenarios use: <c>ConnectionStrings__RabbitMq</c> (scripts/bench.sh starts the local
/// development node and sets it). The scenarios use exchange and queue names of their own (<c>bench.*</c>), deleted
/// before each run, so nothing of the service's own topology on that broker is touched.
/// </summary>
internal sealed class BenchBroker
{
    public const string DocumentsExchange = "bench.documents";
    public const string TransitionsQueue = "bench.document-transitions";
    public const string DeadLetterQueue = "bench.document-transitions.dead";
    public const string EventsExchange = "bench.tasks.events";
    public const string EventsQueue = "bench.task-events";

    private BenchBroker(Uri uri) => Uri = uri;

    public Uri Uri { get; }

    /// <summary>The configured broker.</summary>
    /// <exception cref="BenchmarkFailedException">ConnectionStrings__RabbitMq is not set.</exception>
    public static BenchBroker FromEnvironment() =>
        Environment.GetEnvironmentVariable("ConnectionStrings__RabbitMq") is { Length: > 0 } uri
            ? new BenchBroker(new Uri(uri))
            : throw new BenchmarkFailedException("ConnectionStrings__RabbitMq is not set: run the messaging scenarios through scripts/bench.sh (make bench), which starts the local RabbitMQ node");

    /// <summary>The settings that point the service at this broker and the bench's names.</summary>
    public Dictionary<string, string?> ServiceSettings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = Uri.ToString(),
            ["Messaging:DocumentsExchange"] = DocumentsExchange,
            ["Messaging:DocumentTransitionsQueue"] = TransitionsQueue,
            ["Messaging:DeadLetterQueue"] = DeadLetterQueue,
            ["Messaging:EventsExchange"] = EventsExchange,
        };

        // The consumer's defaults unless the run overrides them.
        if (Environment.GetEnvironmentVariable("BENCH_INGEST_PREFETCH") is { Length: > 0 } prefetch)
        {
            settings["Messaging:Prefetch"] = prefetch;
        }

        if (Environment.GetEnvironmentVariable("BENCH_INGEST_CONCURRENCY") is { Length: > 0 } concurrency)
        {
            settings["Messaging:ConsumerConcurrency"] = concurrency;
        }

        return settings;
    }

    public Task<IConnection> ConnectAsync(string name, CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = Uri, ClientProvidedName = name }.CreateConnectionAsync(cancellationToken);

    /// <summary>Deletes the bench's queues and exchanges, so that a run starts empty.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync("tasks-bench reset", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        foreach (var queue in (string[])[TransitionsQueue, DeadLetterQueue, EventsQueue])
        {
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false, cancellationToken: cancellationToken);
        }

        foreach (var exchange in (string[])[DocumentsExchange, EventsExchange])
        {
            await channel.ExchangeDeleteAsync(exchange, ifUnused: false, cancellationToken: cancellationToken);
        }
    }

    /// <summary>How many messages <paramref name="queue"/> holds ready.</summary>
    public async Task<uint> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync("tasks-bench depth", cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
    }
}
