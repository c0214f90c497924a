namespace Tasks.Messaging.Handling;

/// <summary>
/// Handles one message: performs its effects (committing them, with the message id in the inbox) and returns.
/// The consumer acknowledges the message only after the handler returns. Throw <see cref="MessageRejectedException"/>
/// for a message that can never succeed (it is dead-lettered); any other exception is taken as transient and the
/// handler is called again for the same message, with backoff. The same message may be handled more than once
/// (redelivery after a connection loss or a crash): effects must be idempotent, which the inbox ensures.
/// </summary>
/// <param name="message">The message.</param>
/// <param name="cancellationToken">Fires when the consumer's shutdown grace has run out.</param>
public delegate Task MessageHandler(IncomingMessage message, CancellationToken cancellationToken);
