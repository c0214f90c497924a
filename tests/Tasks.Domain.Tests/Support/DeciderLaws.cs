using Tasks.Domain.Deciding;

namespace Tasks.Domain.Tests.Support;

/// <summary>
/// The laws every decider must keep over any command sequence, checked step by step:
/// (1) every event is allowed from the state it was decided in (and leads where the table says);
/// (2) once terminal, every command is rejected and the state no longer changes;
/// (3) folding all emitted events from Initial reproduces the stepwise state, structurally;
/// (4) a rejected command emits no events.
/// </summary>
internal sealed class DeciderLaws<TCommand, TEvent, TState>(
    IDecider<TCommand, TEvent, TState> decider,
    Func<TState, string> phaseOf,
    IReadOnlyDictionary<(string From, Type Event), string[]> allowed)
    where TEvent : notnull
{
    /// <summary>Extra checks per accepted event: (state before, event, state after).</summary>
    public Action<TState, TEvent, TState>? OnEvent { get; init; }

    /// <summary>Extra checks per command: (state before, command, decision).</summary>
    public Action<TState, TCommand, Decision<TEvent>>? OnDecision { get; init; }

    public TState Check(IReadOnlyList<TCommand> commands)
    {
        var state = decider.Initial;
        var emitted = new List<TEvent>();
        foreach (var command in commands)
        {
            var before = state;
            var wasTerminal = decider.IsTerminal(state);
            var decision = decider.Decide(command, state);
            OnDecision?.Invoke(before, command, decision);

            if (!decision.IsSuccess)
            {
                Assert.Empty(decision.Events); // (4)
            }

            if (wasTerminal)
            {
                Assert.False(decision.IsSuccess, $"{command} was accepted in terminal state {phaseOf(state)}"); // (2)
            }

            foreach (var @event in decision.Events)
            {
                var from = phaseOf(state);
                Assert.True(
                    allowed.TryGetValue((from, @event.GetType()), out var targets),
                    $"{@event.GetType().Name} is not allowed from {from}"); // (1)
                state = decider.Evolve(state, @event);
                Assert.Contains(phaseOf(state), targets!);
                OnEvent?.Invoke(before, @event, state);
                emitted.Add(@event);
            }

            if (wasTerminal)
            {
                Assert.Equal(before, state); // (2)
            }
        }

        Assert.Equal(state, decider.Fold(emitted)); // (3)
        return state;
    }

    /// <summary>The (phase, event type) transitions that the sequences reach: to show the generators exercise the table.</summary>
    public ISet<(string From, Type Event)> TransitionsReached(IEnumerable<IReadOnlyList<TCommand>> sequences)
    {
        var reached = new HashSet<(string, Type)>();
        foreach (var commands in sequences)
        {
            var state = decider.Initial;
            foreach (var command in commands)
            {
                foreach (var @event in decider.Decide(command, state).Events)
                {
                    reached.Add((phaseOf(state), @event.GetType()));
                    state = decider.Evolve(state, @event);
                }
            }
        }

        return reached;
    }

    /// <summary>Runs the sequence twice: independently built states must be equal by value.</summary>
    public void CheckDeterministic(IReadOnlyList<TCommand> commands)
    {
        var first = Check(commands);
        var second = Check(commands);
        Assert.Equal(first, second);
        if (first is not null)
        {
            Assert.False(ReferenceEquals(first, second));
        }
    }
}
