using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tasks.Messaging.Connections;

namespace Tasks.Messaging.Topology;

/// <summary>
/// Declares the topology at start-up, before anything consumes or publishes: registered first, it starts declaring
/// at host start and consumers and publishers wait on <see cref="WaitAsync"/>. While the broker cannot be reached it
/// keeps trying (with backoff) instead of failing the host: the API serves without the broker, and messaging
/// starts once the broker answers.
/// </summary>
public sealed class TopologyInitializer(BrokerConnection connection, MessagingOptions options, ILogger<TopologyInitializer> logger) : BackgroundService
{
    private readonly TaskCompletionSource declared = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the topology has been declared.</summary>
    public bool IsDeclared => declared.Task.IsCompletedSuccessfully;

    /// <summary>Completes once the topology has been declared.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => declared.Task.WaitAsync(cancellationToken);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await MessagingTopology.DeclareAsync(connection, options, stoppingToken);
                logger.LogInformation("RabbitMQ topology declared on {Uri}", connection.DisplayUri);
                declared.TrySetResult();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "declaring the RabbitMQ topology on {Uri} failed; retrying in {Delay}", connection.DisplayUri, delay);
                await Task.Delay(delay, stoppingToken);
                delay = Backoff.Next(delay);
            }
        }
    }
}
