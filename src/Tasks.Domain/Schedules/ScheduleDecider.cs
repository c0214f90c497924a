using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;

namespace Tasks.Domain.Schedules;

/// <summary>
/// The schedule aggregate: created, fired once per reached slot, deleted (terminal). The initial
/// state is <c>null</c>.
/// </summary>
public sealed class ScheduleDecider : IDecider<IScheduleCommand, IScheduleEvent, ScheduleState?>
{
    private const string Entity = "schedule";

    /// <summary>The decider (it holds no state).</summary>
    public static ScheduleDecider Instance { get; } = new();

    /// <inheritdoc />
    public ScheduleState? Initial => null;

    /// <inheritdoc />
    public bool IsTerminal(ScheduleState? state) => state is { IsDeleted: true };

    /// <inheritdoc />
    public Decision<IScheduleEvent> Decide(IScheduleCommand command, ScheduleState? state)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is CreateSchedule create)
        {
            return state is null
                ? Create(create)
                : new AlreadyExistsError(Entity, $"Schedule {state.Id} exists already.", "id");
        }

        if (state is null)
        {
            return new NotFoundError(Entity, "The schedule does not exist.");
        }

        return command switch
        {
            DeleteSchedule delete => Delete(delete, state),
            FireSchedule fire => Fire(fire, state),
            _ => throw new ArgumentException($"Unknown schedule command {command.GetType().Name}.", nameof(command)),
        };
    }

    /// <inheritdoc />
    public ScheduleState? Evolve(ScheduleState? state, IScheduleEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is ScheduleCreated created)
        {
            return state is null
                ? Created(created)
                : throw new InvalidOperationException($"Schedule {state.Id} is created twice.");
        }

        if (state is null)
        {
            throw new InvalidOperationException($"{@event.GetType().Name} for a schedule that was never created.");
        }

        return @event switch
        {
            ScheduleFired fired => state with
            {
                NextTimestamp = fired.NextTimestamp,
                LastFiredFor = fired.FiredFor,
                LastTaskId = fired.TaskId,
                UpdateTimestamp = fired.At,
            },
            ScheduleDeleted deleted => state with { IsDeleted = true, DeletedTimestamp = deleted.At, UpdateTimestamp = deleted.At },
            _ => throw new ArgumentException($"Unknown schedule event {@event.GetType().Name}.", nameof(@event)),
        };
    }

    private static Decision<IScheduleEvent> Create(CreateSchedule c)
    {
        var error = Validate(c);
        return error ?? Decision.Accept<IScheduleEvent>(new ScheduleCreated(
            c.ScheduleId,
            c.FunctionName,
            c.Data ?? TaskData.Empty,
            c.Priority,
            [.. c.Tags ?? []],
            c.StartTimestamp,
            c.IntervalSeconds,
            c.CreatedBy?.UserId,
            c.CreatedBy?.ApplicationId,
            c.At));
    }

    private static ValidationError? Validate(CreateSchedule c)
    {
        if (c.ScheduleId == Guid.Empty)
        {
            return new ValidationError("id", "A schedule id is required.");
        }

        if (c.IntervalSeconds is < ScheduleLimits.MinIntervalSeconds or > ScheduleLimits.MaxIntervalSeconds)
        {
            return new ValidationError(
                "interval",
                $"The interval must be {ScheduleLimits.MinIntervalSeconds} to {ScheduleLimits.MaxIntervalSeconds} seconds (366 days); got {c.IntervalSeconds}.");
        }

        return FunctionName.Validate(c.FunctionName, "functionName") ?? TaskTags.Validate(c.Tags);
    }

    private static Decision<IScheduleEvent> Delete(DeleteSchedule c, ScheduleState s) =>
        // A deleted schedule is gone for its callers, as if it never existed.
        s.IsDeleted
            ? new NotFoundError(Entity, $"Schedule {s.Id} was deleted.")
            : Decision.Accept<IScheduleEvent>(new ScheduleDeleted(c.By ?? Actor.System, c.At));

    private static Decision<IScheduleEvent> Fire(FireSchedule c, ScheduleState s)
    {
        // The scheduler lost a race with a deletion: say so rather than "not found".
        if (s.IsDeleted)
        {
            return new IllegalStateError(s.StatusName, "fire", $"Schedule {s.Id} was deleted; it fires no more.");
        }

        if (c.At < s.NextTimestamp)
        {
            return new IllegalStateError(
                s.StatusName,
                "fire",
                FormattableString.Invariant($"Schedule {s.Id} is not due until {s.NextTimestamp:O}; it cannot fire at {c.At:O}."));
        }

        if (c.TaskId == Guid.Empty)
        {
            return new ValidationError("taskId", "Firing a schedule needs the id of the task to create.");
        }

        var firedFor = ScheduleSlots.SlotAtOrBefore(s.StartTimestamp, s.IntervalSeconds, c.At);
        var next = ScheduleSlots.FirstSlotAfter(s.StartTimestamp, s.IntervalSeconds, c.At);
        return Decision.Accept<IScheduleEvent>(new ScheduleFired(c.TaskId, firedFor, next, c.At));
    }

    private static ScheduleState Created(ScheduleCreated e) =>
        new()
        {
            Id = e.ScheduleId,
            FunctionName = e.FunctionName,
            Data = e.Data,
            Priority = e.Priority,
            Tags = e.Tags,
            StartTimestamp = e.StartTimestamp,
            IntervalSeconds = e.IntervalSeconds,
            NextTimestamp = e.StartTimestamp,
            CreationTimestamp = e.At,
            UpdateTimestamp = e.At,
            CreatedByUserId = e.CreatedByUserId,
            CreatedByApplicationId = e.CreatedByApplicationId,
        };
}
