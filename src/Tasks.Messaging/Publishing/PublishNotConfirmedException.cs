namespace Tasks.Messaging.Publishing;

/// <summary>
/// Some messages of a batch were not confirmed by the broker: refused (nack), unroutable while mandatory (returned),
/// or the channel or connection closed before the confirmation arrived. Any of them may still have been delivered:
/// publish the batch again (consumers deduplicate by message id).
/// </summary>
public sealed class PublishNotConfirmedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PublishNotConfirmedException()
        : base("a message was not confirmed by the broker")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PublishNotConfirmedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the first failure.</summary>
    public PublishNotConfirmedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How many messages of the batch were not confirmed.</summary>
    public int Unconfirmed { get; init; }
}
