namespace Tasks.Messaging.Handling;

/// <summary>
/// Thrown by a <see cref="MessageHandler"/> for a message that will never succeed (not JSON, not the contract, an
/// unknown function, over a limit): the consumer moves it to the dead-letter queue with <paramref name="code"/> and
/// <paramref name="reason"/> in its headers, then acknowledges it, so the queue moves on.
/// </summary>
/// <param name="code">A stable, machine-readable code (header <c>x-rejected-code</c>).</param>
/// <param name="reason">What is wrong, for a person (header <c>x-rejected-reason</c>).</param>
public sealed class MessageRejectedException(string code, string reason) : Exception(reason)
{
    /// <summary>The stable, machine-readable code.</summary>
    public string Code { get; } = code;

    /// <summary>What is wrong, for a person.</summary>
    public string Reason => Message;
}
