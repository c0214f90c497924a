using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Transport.Errors;

namespace Tasks.GraphQL.Transport.WebSockets;

/// <summary>
/// One WebSocket speaking <c>graphql-transport-ws</c>: reads messages one at a time, runs each operation as its own
/// task, and sends through a single gate, because a WebSocket allows one send at a time. Whatever ends the session
/// (a close from either side, a protocol violation, the server stopping, the client vanishing) cancels every
/// operation still running.
/// </summary>
internal sealed class GraphQLWebSocketSession : IDisposable
{
    // How long the client gets to answer our close frame, and running operations get to observe cancellation.
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);
    private const int ReceiveChunkBytes = 4096;
    // RFC 6455 caps a close reason at 123 bytes of UTF-8.
    private const int MaxCloseReasonBytes = 123;

    private readonly WebSocket socket;
    private readonly HttpContext httpContext;
    private readonly GraphQLHttpOptions options;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<string, WebSocketOperation> operations = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private readonly ArrayBufferWriter<byte> sendBuffer = new();
    private readonly Utf8JsonWriter sendWriter;
    // Fires when the session ends for any reason: stops operations, the keep-alive and the initialisation timer.
    private readonly CancellationTokenSource sessionEnding = new();
    // Fires to give up on the socket itself: the client is gone, or did not answer our close in time.
    private readonly CancellationTokenSource socketAbandoned;
    private readonly TaskCompletionSource operationsEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Starts at one for the session itself, so the count reaches zero only after the session has ended too.
    private int runningOperations = 1;
    private int closing;
    private int initReceived;
    private bool acknowledged;

    private GraphQLWebSocketSession(WebSocket socket, HttpContext httpContext, GraphQLHttpOptions options, ILogger logger)
    {
        this.socket = socket;
        this.httpContext = httpContext;
        this.options = options;
        this.logger = logger;
        sendWriter = new Utf8JsonWriter(sendBuffer, TransportJson.WriterOptions);
        socketAbandoned = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
    }

    public static async Task RunAsync(HttpContext httpContext, GraphQLHttpOptions options, ILogger logger, CancellationToken serverStopping)
    {
        var subprotocolAccepted = httpContext.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLMediaTypes.WebSocketSubProtocol);
        // Like the reference server, accept the upgrade even without the subprotocol, so the close code can say why.
        using var socket = await httpContext.WebSockets.AcceptWebSocketAsync(subprotocolAccepted ? GraphQLMediaTypes.WebSocketSubProtocol : null);
        using var session = new GraphQLWebSocketSession(socket, httpContext, options, logger);
        await session.RunAsync(subprotocolAccepted, serverStopping);
    }

    public void Dispose()
    {
        sendWriter.Dispose();
        sessionEnding.Dispose();
        socketAbandoned.Dispose();
        sendGate.Dispose();
    }

    private async Task RunAsync(bool subprotocolAccepted, CancellationToken serverStopping)
    {
        using var stopping = serverStopping.Register(() => _ = CloseAsync(GraphQLWebSocketCloseCodes.GoingAway, "Server shutting down"));
        var initTimeout = Task.CompletedTask;
        var keepAlive = Task.CompletedTask;
        if (subprotocolAccepted)
        {
            initTimeout = CloseUnlessInitialisedAsync();
            keepAlive = KeepAliveAsync();
        }
        else
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, "Subprotocol not acceptable");
        }

        try
        {
            await ReceiveAsync();
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException)
        {
            // The client vanished without a close frame, or never answered ours.
        }
        finally
        {
            Volatile.Write(ref closing, 1);
            await sessionEnding.CancelAsync();
            OperationEnded();
            try
            {
                await operationsEnded.Task.WaitAsync(ShutdownGrace, CancellationToken.None);
            }
            catch (TimeoutException)
            {
                // An operation ignores cancellation; its sends fail harmlessly once the socket is disposed.
            }

            await initTimeout;
            await keepAlive;
        }
    }

    private async Task ReceiveAsync()
    {
        var message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        var discard = new byte[ReceiveChunkBytes];
        while (true)
        {
            message.ResetWrittenCount();
            var tooBig = false;
            ValueWebSocketReceiveResult received;
            do
            {
                var into = tooBig ? discard : message.GetMemory(ReceiveChunkBytes);
                received = await socket.ReceiveAsync(into, socketAbandoned.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerCloseAsync();
                    return;
                }

                if (!tooBig)
                {
                    message.Advance(received.Count);
                    tooBig = message.WrittenCount > options.MaxRequestBytes;
                }
            }
            while (!received.EndOfMessage);

            if (Volatile.Read(ref closing) == 1)
            {
                // Once a close frame is out, only the client's close frame matters.
                continue;
            }

            if (tooBig)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.MessageTooBig, $"Message larger than {options.MaxRequestBytes} bytes");
            }
            else if (received.MessageType != WebSocketMessageType.Text)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, "Invalid message received: messages are JSON text, not binary");
            }
            else
            {
                await HandleAsync(message.WrittenMemory);
            }
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> text)
    {
        if (!ClientMessageReader.TryRead(text, out var message, out var problem))
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, problem);
            return;
        }

        using (message)
        {
            switch (message.Type)
            {
                case ClientMessageType.ConnectionInit:
                    await InitialiseAsync(message.Payload);
                    break;
                case ClientMessageType.Ping:
                    await SendAsync(ServerMessage.Pong(message.Payload));
                    break;
                case ClientMessageType.Pong:
                    // The answer to our ping, or a one-way heartbeat: either way the client is alive.
                    break;
                case ClientMessageType.Subscribe:
                    await StartOperationAsync(message.Id!, message.Request!);
                    break;
                case ClientMessageType.Complete:
                    // An unknown id is fine: the operation may have just ended on its own.
                    if (operations.TryRemove(message.Id!, out var operation))
                    {
                        operation.Cancel();
                    }

                    break;
            }
        }
    }

    private async Task InitialiseAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref initReceived, 1) == 1)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        bool accepted;
        try
        {
            accepted = options.OnConnectAsync is not { } onConnect || await onConnect(payload, httpContext);
        }
        catch (Exception exception)
        {
            TransportLog.ConnectionInitHookFailed(logger, InternalServerError.NewCorrelationId(), exception);
            await CloseAsync(GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
            return;
        }

        if (!accepted)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
            return;
        }

        acknowledged = true;
        await SendAsync(ServerMessage.ConnectionAck);
    }

    private async Task StartOperationAsync(string id, GraphQLRequest request)
    {
        if (!acknowledged)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        var operation = new WebSocketOperation(id, sessionEnding.Token);
        if (!operations.TryAdd(id, operation))
        {
            operation.Dispose();
            await CloseAsync(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        Interlocked.Increment(ref runningOperations);
        TransportOperationContext context;
        try
        {
            // Built here, on the receive loop, because HttpContext is not safe to read from the operations' threads.
            context = TransportOperationContext.Isolated(httpContext, options);
        }
        catch (Exception exception)
        {
            await FailAsync(operation, exception);
            Finish(operation);
            return;
        }

        _ = Task.Run(() => RunOperationAsync(operation, request, context));
    }

    private async Task RunOperationAsync(WebSocketOperation operation, GraphQLRequest request, TransportOperationContext context)
    {
        var cancellationToken = operation.Token;
        var executor = context.Executor;
        try
        {
            var prepared = await executor.PrepareAsync(request, context.RequestContext, cancellationToken);
            if (!prepared.IsExecutable)
            {
                // An error message ends the operation; the protocol sends no complete after it.
                await SendAsync(ServerMessage.Error(operation.Id, prepared.RequestErrors), operation, endsOperation: true);
                return;
            }

            if (prepared.IsSubscription)
            {
                var results = executor.SubscribeAsync(prepared, context.RequestContext, cancellationToken);
                await foreach (var result in results.WithCancellation(cancellationToken))
                {
                    await SendAsync(ServerMessage.Next(operation.Id, result), operation);
                }
            }
            else
            {
                var result = await ResponseBuffers.ExecuteAsync(executor, prepared, context.RequestContext, cancellationToken);
                await SendAsync(ServerMessage.Next(operation.Id, result), operation);
            }

            await SendAsync(ServerMessage.Complete(operation.Id), operation, endsOperation: true);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client completed the operation, or the session ended: nobody expects another message.
        }
        catch (Exception exception)
        {
            await FailAsync(operation, exception);
        }
        finally
        {
            try
            {
                await context.DisposeAsync();
            }
            finally
            {
                Finish(operation);
            }
        }
    }

    /// <summary>Ends one operation with a generic error; the socket and its other operations carry on.</summary>
    private async Task FailAsync(WebSocketOperation operation, Exception exception)
    {
        var correlationId = InternalServerError.NewCorrelationId();
        TransportLog.RequestFailed(logger, correlationId, exception);
        await SendAsync(ServerMessage.Error(operation.Id, [InternalServerError.Create(correlationId)]), operation, endsOperation: true);
    }

    private void Finish(WebSocketOperation operation)
    {
        operations.TryRemove(new KeyValuePair<string, WebSocketOperation>(operation.Id, operation));
        operation.Dispose();
        OperationEnded();
    }

    private void OperationEnded()
    {
        if (Interlocked.Decrement(ref runningOperations) == 0)
        {
            operationsEnded.TrySetResult();
        }
    }

    /// <summary>
    /// Sends one message unless the session is closing or <paramref name="operation"/> was cancelled, which is how a
    /// result that raced with the client's <c>complete</c> is dropped rather than sent.
    /// </summary>
    private async Task SendAsync(ServerMessage message, WebSocketOperation? operation = null, bool endsOperation = false)
    {
        try
        {
            await sendGate.WaitAsync(socketAbandoned.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (Volatile.Read(ref closing) == 1 || operation?.IsCancelled == true)
            {
                return;
            }

            if (endsOperation && operation is not null)
            {
                // Forget the id before the client hears the operation ended, so it may reuse the id straight away.
                operations.TryRemove(new KeyValuePair<string, WebSocketOperation>(operation.Id, operation));
            }

            sendBuffer.ResetWrittenCount();
            sendWriter.Reset(sendBuffer);
            message.WriteTo(sendWriter);
            sendWriter.Flush();
            await socket.SendAsync(sendBuffer.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, socketAbandoned.Token);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The client is gone; the receive loop notices as well and ends the session.
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>Starts the closing handshake with a protocol close code; the receive loop then waits for the client's answer.</summary>
    private async Task CloseAsync(int closeCode, string reason)
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return;
        }

        TransportLog.ClosingWebSocket(logger, closeCode, reason);
        try
        {
            await sessionEnding.CancelAsync();
            // The client gets this long to answer the close frame before the receive loop gives up on it.
            socketAbandoned.CancelAfter(ShutdownGrace);
            await SendCloseFrameAsync((WebSocketCloseStatus)closeCode, reason);
        }
        catch (ObjectDisposedException)
        {
            // The session ended while a close it started (on server shutdown, say) was still on its way.
        }
    }

    /// <summary>The client started the closing handshake: stop everything and answer with its own code.</summary>
    private async Task AnswerCloseAsync()
    {
        if (Interlocked.Exchange(ref closing, 1) == 1)
        {
            return;
        }

        await sessionEnding.CancelAsync();
        // Echo the client's code, as RFC 6455 suggests; the handshake is then complete.
        await SendCloseFrameAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, null);
    }

    private async Task SendCloseFrameAsync(WebSocketCloseStatus status, string? reason)
    {
        try
        {
            // A send stuck on a client that stopped reading must not hold the close back for ever.
            if (!await sendGate.WaitAsync(ShutdownGrace))
            {
                await socketAbandoned.CancelAsync();
                return;
            }
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, reason is null ? null : Truncate(reason), socketAbandoned.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Nobody is left to tell.
        }
        finally
        {
            sendGate.Release();
        }
    }

    private async Task CloseUnlessInitialisedAsync()
    {
        if (options.ConnectionInitTimeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        try
        {
            await Task.Delay(options.ConnectionInitTimeout, sessionEnding.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Volatile.Read(ref initReceived) == 0)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task KeepAliveAsync()
    {
        if (!options.KeepAliveEnabled)
        {
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(options.KeepAliveInterval);
            while (await timer.WaitForNextTickAsync(sessionEnding.Token))
            {
                await SendAsync(ServerMessage.Ping);
            }
        }
        catch (OperationCanceledException)
        {
            // The session ended.
        }
    }

    private static string Truncate(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxCloseReasonBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxCloseReasonBytes - 3)
        {
            length--;
        }

        // Never cut a surrogate pair in half.
        if (length > 0 && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return string.Concat(reason.AsSpan(0, length), "...");
    }
}
