using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Tasks.Messaging.Connections;

/// <summary>
/// The process's one connection to RabbitMQ, from an <c>amqp://user:password@host:port/vhost</c> URI. It connects on
/// first use, and the client library recovers it after a network failure or a broker restart: channels, the
/// exchanges, queues and bindings declared on it, and consumers are restored (automatic and topology recovery).
/// </summary>
public sealed class BrokerConnection : IAsyncDisposable
{
    private readonly ConnectionFactory factory;
    private readonly ILogger logger;
    private readonly SemaphoreSlim connecting = new(1, 1);
    private IConnection? connection;
    private bool disposed;

    /// <summary>Describes a connection to the broker at <paramref name="uri"/>; nothing is opened yet.</summary>
    /// <param name="uri">The broker, for example <c>amqp://guest:guest@127.0.0.1:5672/%2f</c>.</param>
    /// <param name="clientName">The name the broker shows for this connection (management UI, <c>rabbitmqctl list_connections</c>).</param>
    /// <param name="logger">Where connection loss and recovery are reported.</param>
    public BrokerConnection(Uri uri, string clientName, ILogger<BrokerConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientName);
        ArgumentNullException.ThrowIfNull(logger);
        this.logger = logger;
        DisplayUri = MaskPassword(uri);
        factory = new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            // Reconnect attempts while the broker is away; short enough that a restart costs seconds, not minutes.
            NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            RequestedHeartbeat = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The broker's URI with the password masked, for logs and health output.</summary>
    public string DisplayUri { get; }

    /// <summary>Whether the connection is open now (false before first use and while it recovers).</summary>
    public bool IsOpen => connection?.IsOpen ?? false;

    /// <summary>Returns the connection, opening it on first use. Throws when the broker cannot be reached; later calls try again.</summary>
    public async Task<IConnection> GetConnectionAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (connection is { } existing)
        {
            return existing;
        }

        await connecting.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (connection is { } raced)
            {
                return raced;
            }

            var opened = await factory.CreateConnectionAsync(cancellationToken);
            opened.ConnectionShutdownAsync += OnShutdownAsync;
            opened.RecoverySucceededAsync += OnRecoveredAsync;
            opened.ConnectionRecoveryErrorAsync += OnRecoveryErrorAsync;
            opened.ConnectionBlockedAsync += OnBlockedAsync;
            logger.LogInformation("connected to RabbitMQ at {Uri} as {ClientName}", DisplayUri, factory.ClientProvidedName);
            connection = opened;
            return opened;
        }
        finally
        {
            connecting.Release();
        }
    }

    /// <summary>Opens a channel on the connection (opening the connection on first use).</summary>
    /// <param name="options">Publisher confirmations and consumer dispatch concurrency; the library's defaults when null.</param>
    /// <param name="cancellationToken">Cancels opening.</param>
    public async Task<IChannel> CreateChannelAsync(CreateChannelOptions? options = null, CancellationToken cancellationToken = default)
    {
        var open = await GetConnectionAsync(cancellationToken);
        return await open.CreateChannelAsync(options, cancellationToken);
    }

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (connection is { } open)
        {
            try
            {
                await open.CloseAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or OperationCanceledException or TimeoutException)
            {
                // Closing a connection that is already gone: nothing left to release.
            }

            open.Dispose();
        }

        connecting.Dispose();
    }

    /// <summary>Replaces the password in an AMQP URI with <c>***</c>.</summary>
    public static string MaskPassword(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (string.IsNullOrEmpty(uri.UserInfo) || !uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            return uri.ToString();
        }

        var user = uri.UserInfo[..uri.UserInfo.IndexOf(':', StringComparison.Ordinal)];
        return new UriBuilder(uri) { UserName = user, Password = "***" }.Uri.ToString();
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs e)
    {
        if (e.Initiator == ShutdownInitiator.Application)
        {
            logger.LogInformation("RabbitMQ connection to {Uri} closed", DisplayUri);
        }
        else
        {
            logger.LogWarning("RabbitMQ connection to {Uri} lost ({Initiator} {Code} {Text}); recovering", DisplayUri, e.Initiator, e.ReplyCode, e.ReplyText);
        }

        return Task.CompletedTask;
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs e)
    {
        logger.LogInformation("RabbitMQ connection to {Uri} recovered", DisplayUri);
        return Task.CompletedTask;
    }

    private Task OnRecoveryErrorAsync(object sender, ConnectionRecoveryErrorEventArgs e)
    {
        logger.LogWarning("RabbitMQ connection to {Uri} not recovered yet: {Error}", DisplayUri, e.Exception.Message);
        return Task.CompletedTask;
    }

    private Task OnBlockedAsync(object sender, ConnectionBlockedEventArgs e)
    {
        logger.LogWarning("RabbitMQ blocked publishing on {Uri}: {Reason}", DisplayUri, e.Reason);
        return Task.CompletedTask;
    }
}
