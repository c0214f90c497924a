using Tasks.EventStore.Streams;
using Tasks.EventStore.Writing;

namespace Tasks.EventStore.Running;

/// <summary>
/// Runs a decider against a stream: load, fold, decide, append with the expected version. When
/// another writer got there first, it reloads and decides again, a bounded number of times.
/// </summary>
public sealed class CommandRunner(EventStore store, int maxAttempts = 5)
{
    /// <summary>Decides <paramref name="decide"/> on the current state of the stream and appends the result.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="model">How to fold the stream.</param>
    /// <param name="decide">The decision, given the current state.</param>
    /// <param name="metadata">Stored with every event appended.</param>
    /// <param name="isNewStream">The caller knows the stream is new (a fresh id): skips the read round trip.</param>
    /// <param name="alsoWrite">Further writes in the same transaction, given the new state and events (for example a second stream).</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <exception cref="StreamVersionConflictException">Writers kept colliding for every attempt.</exception>
    public async Task<CommandResult<TState, TRejection>> RunAsync<TState, TRejection>(
        Guid streamId,
        StreamModel<TState> model,
        Func<TState, Decided<TRejection>> decide,
        EventMetadata metadata,
        bool isNewStream = false,
        Action<UnitOfWork, TState, IReadOnlyList<object>>? alsoWrite = null,
        CancellationToken cancellationToken = default)
        where TRejection : class
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var (state, version) = isNewStream && attempt == 1 ? (model.Initial, 0) : await LoadAsync(streamId, model, cancellationToken);
            var decided = decide(state);
            if (decided.Rejection is not null || decided.Events.Count == 0)
            {
                return new CommandResult<TState, TRejection>(state, version, [], decided.Rejection);
            }

            var newState = decided.Events.Aggregate(state, model.Evolve);
            var work = store.BeginUnitOfWork().Append(streamId, model.StreamType, ExpectedVersion.Exactly(version), decided.Events, metadata);
            alsoWrite?.Invoke(work, newState, decided.Events);
            try
            {
                await work.CommitAsync(cancellationToken);
                return new CommandResult<TState, TRejection>(newState, version + decided.Events.Count, decided.Events, null);
            }
            catch (StreamVersionConflictException) when (attempt < maxAttempts)
            {
                // Someone else appended first: decide again on what they wrote.
            }
        }
    }

    /// <summary>The stream's current state and version.</summary>
    public async Task<(TState State, int Version)> LoadAsync<TState>(Guid streamId, StreamModel<TState> model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        var events = await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken);
        var state = model.Initial;
        foreach (var e in events)
        {
            state = model.Evolve(state, e.Data);
        }

        return (state, events.Count == 0 ? 0 : events[^1].Version);
    }
}
