namespace Tasks.EventStore.Writing;

/// <summary>The inbox already holds this message id: it was handled before, and nothing was written now.</summary>
public sealed class DuplicateMessageException(string messageId, Exception? inner = null)
    : Exception($"message {messageId} was already handled", inner)
{
    /// <summary>The message id.</summary>
    public string MessageId { get; } = messageId;
}
