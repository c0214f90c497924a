namespace Tasks.EventStore.Running;

/// <summary>How to fold a stream's events into a state: the decider's initial state and evolve function.</summary>
/// <param name="StreamType">The kind of stream.</param>
/// <param name="Initial">The state before the first event.</param>
/// <param name="Evolve">The state after one more event.</param>
public sealed record StreamModel<TState>(string StreamType, TState Initial, Func<TState, object, TState> Evolve);

/// <summary>The outcome of deciding a command: the events to append, or why it was rejected.</summary>
/// <param name="Events">The new events (possibly none) when accepted.</param>
/// <param name="Rejection">Why the command was rejected, or null.</param>
public sealed record Decided<TRejection>(IReadOnlyList<object> Events, TRejection? Rejection)
    where TRejection : class
{
    /// <summary>Accepted, with these events.</summary>
    public static Decided<TRejection> Accept(IReadOnlyList<object> events) => new(events, null);

    /// <summary>Rejected, for this reason.</summary>
    public static Decided<TRejection> Reject(TRejection rejection) => new([], rejection);
}

/// <summary>What running a command did.</summary>
/// <param name="State">The stream's state after the command (unchanged if rejected).</param>
/// <param name="Version">The stream's version after the command.</param>
/// <param name="Events">The events appended.</param>
/// <param name="Rejection">Why the command was rejected, or null.</param>
public sealed record CommandResult<TState, TRejection>(TState State, int Version, IReadOnlyList<object> Events, TRejection? Rejection)
    where TRejection : class;
