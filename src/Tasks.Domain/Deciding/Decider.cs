namespace Tasks.Domain.Deciding;

/// <summary>Helpers for running any <see cref="IDecider{TCommand, TEvent, TState}"/>.</summary>
public static class Decider
{
    /// <summary>Folds events onto the initial state: how a stream is loaded.</summary>
    /// <typeparam name="TCommand">The command type.</typeparam>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="decider">The decider.</param>
    /// <param name="events">The stream's events, oldest first.</param>
    /// <returns>The current state.</returns>
    public static TState Fold<TCommand, TEvent, TState>(this IDecider<TCommand, TEvent, TState> decider, IEnumerable<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(decider);
        return decider.Fold(decider.Initial, events);
    }

    /// <summary>Folds events onto a given state.</summary>
    /// <typeparam name="TCommand">The command type.</typeparam>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="decider">The decider.</param>
    /// <param name="state">The state to start from.</param>
    /// <param name="events">The events to apply, oldest first.</param>
    /// <returns>The resulting state.</returns>
    public static TState Fold<TCommand, TEvent, TState>(this IDecider<TCommand, TEvent, TState> decider, TState state, IEnumerable<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
        {
            state = decider.Evolve(state, @event);
        }

        return state;
    }

    /// <summary>Decides a command and applies its events: one step of an aggregate.</summary>
    /// <typeparam name="TCommand">The command type.</typeparam>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <typeparam name="TState">The state type.</typeparam>
    /// <param name="decider">The decider.</param>
    /// <param name="state">The current state.</param>
    /// <param name="command">The command.</param>
    /// <returns>The decision and the state after its events (unchanged when rejected).</returns>
    public static (Decision<TEvent> Decision, TState State) Run<TCommand, TEvent, TState>(
        this IDecider<TCommand, TEvent, TState> decider, TState state, TCommand command)
    {
        ArgumentNullException.ThrowIfNull(decider);
        var decision = decider.Decide(command, state);
        return (decision, decider.Fold(state, decision.Events));
    }
}
