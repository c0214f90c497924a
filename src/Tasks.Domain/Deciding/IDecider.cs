namespace Tasks.Domain.Deciding;

/// <summary>
/// A pure aggregate: decides which events a command causes from the current state, and evolves
/// the state by one event. Time and ids come in with the commands, so both are deterministic.
/// </summary>
/// <typeparam name="TCommand">The command type.</typeparam>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <typeparam name="TState">The state type (the initial state may be <c>null</c>).</typeparam>
public interface IDecider<in TCommand, TEvent, TState>
{
    /// <summary>The state of a stream that has no events.</summary>
    TState Initial { get; }

    /// <summary>Decides the events a command causes, or the error that rejects it.</summary>
    /// <param name="command">The command.</param>
    /// <param name="state">The current state.</param>
    /// <returns>The events (possibly none) or an error; a rejected command never has events.</returns>
    Decision<TEvent> Decide(TCommand command, TState state);

    /// <summary>Applies one event to a state.</summary>
    /// <param name="state">The state before the event.</param>
    /// <param name="event">The event.</param>
    /// <returns>The state after the event.</returns>
    TState Evolve(TState state, TEvent @event);

    /// <summary>Whether a state accepts no further command that could change it.</summary>
    /// <param name="state">The state.</param>
    /// <returns><c>true</c> when no command can change the state any more.</returns>
    bool IsTerminal(TState state);
}
