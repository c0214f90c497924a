using System.Diagnostics;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Tasks.Benchmarks.Messaging;

/// <summary>
/// Publishes document transitions as the documents service would: persistent JSON with a message id, one task action
/// each, with publisher confirms, a window of messages in flight at a time. Runs in a process of its own
/// (<c>Tasks.Benchmarks publish-transitions …</c>), so that publishing does not share the service's process.
/// </summary>
internal static class TransitionPublisher
{
    public const string Command = "publish-transitions";

    private const int Window = 500;

    /// <summary>The child process's entry: <c>publish-transitions &lt;amqp uri&gt; &lt;exchange&gt; &lt;count&gt; &lt;function&gt;</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 5)
        {
            await Console.Error.WriteLineAsync($"usage: {Command} <amqp uri> <exchange> <count> <function>");
            return 2;
        }

        var (uri, exchange, count, function) = (new Uri(args[1]), args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
        var clock = Stopwatch.StartNew();
        await using var connection = await new ConnectionFactory { Uri = uri, ClientProvidedName = "tasks-bench documents publisher" }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var run = Guid.NewGuid().ToString("N")[..8];
        var pending = new List<Task>(Window);
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"bench-{run}-{i}");
            var properties = new BasicProperties { MessageId = id, ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
            pending.Add(channel.BasicPublishAsync(exchange, "document.transitioned", mandatory: true, basicProperties: properties, body: Body(id, function, i)).AsTask());
            if (pending.Count == Window)
            {
                await ConfirmAsync(pending);
            }
        }

        await ConfirmAsync(pending);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"published {count} in {clock.Elapsed.TotalSeconds:0.00} s"));
        return 0;
    }

    /// <summary>Runs the publisher as a child process and waits for it; returns its one-line report.</summary>
    public static async Task<string> PublishInChildProcessAsync(Uri broker, string exchange, int count, string function, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])[typeof(TransitionPublisher).Assembly.Location, Command, broker.ToString(), exchange, count.ToString(CultureInfo.InvariantCulture), function])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new BenchmarkFailedException("could not start the publisher process");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new BenchmarkFailedException($"the publisher process failed ({process.ExitCode}): {await errors}");
        }

        return (await output).Trim();
    }

    private static async Task ConfirmAsync(List<Task> pending)
    {
        await Task.WhenAll(pending);
        pending.Clear();
    }

    private static byte[] Body(string messageId, string function, int i) => Encoding.UTF8.GetBytes(string.Create(
        CultureInfo.InvariantCulture,
        $$"""{"messageId":"{{messageId}}","type":"document.transitioned","occurredAt":"2026-11-22T09:30:00Z","schemaId":"image","documentId":"doc-{{i}}","transition":{"name":"upload","fromStatus":"draft","toStatus":"uploaded"},"userId":"user-1","applicationId":"bench","actions":[{"type":"task","functionName":"{{function}}","data":{"size":3},"tags":["bench"]}]}"""));
}
