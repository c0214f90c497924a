using System.Diagnostics.CodeAnalysis;
using Tasks.Domain.Primitives;

namespace Tasks.Domain.Deciding;

/// <summary>The outcome of deciding a command: the events it causes (possibly none), or the error that rejects it.</summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public sealed class Decision<TEvent>
{
    private Decision(EquatableList<TEvent> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    /// <summary>Whether the command was accepted (its events, possibly none, are to be recorded).</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Error is null;

    /// <summary>The events to record, oldest first; always empty when rejected.</summary>
    public IReadOnlyList<TEvent> Events { get; }

    /// <summary>Why the command was rejected; <c>null</c> when accepted.</summary>
    public DomainError? Error { get; }

    /// <summary>Rejects with <paramref name="error"/>.</summary>
    /// <param name="error">The error.</param>
    public static implicit operator Decision<TEvent>(DomainError error) => Decision.Reject<TEvent>(error);

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"Accepted {Events}" : $"Rejected {Error}";

    internal static Decision<TEvent> Accepted(EquatableList<TEvent> events) => new(events, null);

    internal static Decision<TEvent> Rejected(DomainError error) => new([], error);
}

/// <summary>Factory methods for <see cref="Decision{TEvent}"/>.</summary>
public static class Decision
{
    /// <summary>Accepts the command with these events (none means "nothing to change").</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="events">The events, oldest first.</param>
    /// <returns>The decision.</returns>
    public static Decision<TEvent> Accept<TEvent>(params IEnumerable<TEvent> events) =>
        Decision<TEvent>.Accepted(new EquatableList<TEvent>(events));

    /// <summary>Rejects the command.</summary>
    /// <typeparam name="TEvent">The event type.</typeparam>
    /// <param name="error">Why.</param>
    /// <returns>The decision.</returns>
    public static Decision<TEvent> Reject<TEvent>(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Decision<TEvent>.Rejected(error);
    }
}
