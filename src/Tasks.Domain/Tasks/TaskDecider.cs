using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;

namespace Tasks.Domain.Tasks;

/// <summary>
/// The task aggregate: <c>new → inProgress → complete | failed | retried</c>, and <c>new → canceled</c>.
/// The initial state is <c>null</c> (no task); terminal states accept no command.
/// </summary>
public sealed class TaskDecider : IDecider<ITaskCommand, ITaskEvent, TaskState?>
{
    private const string Entity = "task";

    /// <summary>The decider (it holds no state).</summary>
    public static TaskDecider Instance { get; } = new();

    /// <inheritdoc />
    public TaskState? Initial => null;

    /// <inheritdoc />
    public bool IsTerminal(TaskState? state) => state is { IsTerminal: true };

    /// <inheritdoc />
    public Decision<ITaskEvent> Decide(ITaskCommand command, TaskState? state)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is CreateTask create)
        {
            return state is null
                ? Create(create)
                : new AlreadyExistsError(Entity, $"Task {state.Id} exists already.", "id");
        }

        if (state is null)
        {
            return new NotFoundError(Entity, "The task does not exist.");
        }

        return command switch
        {
            CancelTask cancel => Cancel(cancel, state),
            StartTask start => Start(start, state),
            CompleteTask complete => Complete(complete, state),
            FailTask fail => Fail(fail, state),
            DeferTask defer => Defer(defer, state),
            _ => throw new ArgumentException($"Unknown task command {command.GetType().Name}.", nameof(command)),
        };
    }

    /// <inheritdoc />
    public TaskState? Evolve(TaskState? state, ITaskEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (@event is TaskCreated created)
        {
            // A stream holds one task; a second creation means the stream is corrupt, not a decision to make.
            return state is null
                ? Created(created)
                : throw new InvalidOperationException($"Task {state.Id} is created twice.");
        }

        if (state is null)
        {
            throw new InvalidOperationException($"{@event.GetType().Name} for a task that was never created.");
        }

        var at = @event.At;
        return @event switch
        {
            TaskCancelled => Entered(state, TaskStatus.Canceled, at) with { CanceledTimestamp = at },
            TaskStarted started => Entered(state, TaskStatus.InProgress, at) with
            {
                StartedTimestamp = at,
                LeaseExpiresAt = started.LeaseExpiresAt,
            },
            TaskCompleted => Entered(state, TaskStatus.Complete, at) with { CompletedTimestamp = at },
            TaskDeferred deferred => Entered(state, TaskStatus.New, at) with
            {
                StartTimestamp = deferred.RetryAt,
                LeaseExpiresAt = null,
                StartedTimestamp = null,
            },
            TaskFailed failed => Entered(state, TaskStatus.Failed, at) with { FailedTimestamp = at, Error = failed.Error },
            TaskRetried retried => Entered(state, TaskStatus.Retried, at) with
            {
                RetriedTimestamp = at,
                Error = retried.Error,
                RetriedByTaskId = retried.RetriedByTaskId,
                RetryAt = retried.RetryAt,
            },
            _ => throw new ArgumentException($"Unknown task event {@event.GetType().Name}.", nameof(@event)),
        };
    }

    private static Decision<ITaskEvent> Create(CreateTask c)
    {
        var error = ValidateCreate(c);
        if (error is not null)
        {
            return error;
        }

        return Accept(new TaskCreated(
            c.TaskId,
            c.FunctionName,
            c.Data ?? TaskData.Empty,
            c.StartTimestamp ?? c.At,
            c.Priority ?? c.FunctionDefaultPriority ?? 0,
            [.. c.Tags ?? []],
            c.CreatedBy?.UserId,
            c.CreatedBy?.ApplicationId,
            [.. c.RetryForTaskIds ?? []],
            c.At));
    }

    private static ValidationError? ValidateCreate(CreateTask c)
    {
        if (c.TaskId == Guid.Empty)
        {
            return new ValidationError("id", "A task id is required.");
        }

        var retryFor = c.RetryForTaskIds ?? [];
        if (retryFor.Count > RetryPolicy.MaxRetries)
        {
            return new ValidationError("retryForTaskIds", $"A task retries at most {RetryPolicy.MaxRetries} earlier attempts.");
        }

        if (retryFor.Contains(c.TaskId) || retryFor.Contains(Guid.Empty))
        {
            return new ValidationError("retryForTaskIds", "A task cannot retry itself or an empty id.");
        }

        return FunctionName.Validate(c.FunctionName, "functionName") ?? TaskTags.Validate(c.Tags);
    }

    private static Decision<ITaskEvent> Cancel(CancelTask c, TaskState s) =>
        s.Status != TaskStatus.New
            ? Illegal(s, "cancel", "A task can be canceled only while it is new")
            : Accept(new TaskCancelled(c.By ?? Actor.System, c.At));

    private static Decision<ITaskEvent> Start(StartTask c, TaskState s)
    {
        if (s.Status != TaskStatus.New)
        {
            return Illegal(s, "start", "A task can be started only while it is new");
        }

        if (c.At < s.StartTimestamp)
        {
            return new IllegalStateError(
                s.Status.ToWireName(),
                "start",
                FormattableString.Invariant($"Task {s.Id} is not due until {s.StartTimestamp:O}; it cannot start at {c.At:O}."));
        }

        return c.LeaseExpiresAt <= c.At
            ? new ValidationError("leaseExpiresAt", "A lease must expire after the task starts.")
            : Accept(new TaskStarted(c.LeaseExpiresAt, c.At));
    }

    private static Decision<ITaskEvent> Complete(CompleteTask c, TaskState s) =>
        s.Status != TaskStatus.InProgress
            ? Illegal(s, "complete", "A task can be completed only while it is in progress")
            : Accept(new TaskCompleted(c.ResultJson, c.At));

    private static Decision<ITaskEvent> Defer(DeferTask c, TaskState s)
    {
        if (s.Status != TaskStatus.InProgress)
        {
            return Illegal(s, "defer", "A task can be deferred only while it is in progress");
        }

        return c.RetryAt < c.At
            ? new ValidationError("retryAt", "A deferred task must be due again no earlier than now.")
            : Accept(new TaskDeferred(c.RetryAt, c.Reason ?? "", c.At));
    }

    private static Decision<ITaskEvent> Fail(FailTask c, TaskState s)
    {
        if (s.Status != TaskStatus.InProgress)
        {
            return Illegal(s, "fail", "A task can fail only while it is in progress");
        }

        if (c.Error is null)
        {
            return new ValidationError("error", "A failure needs an error.");
        }

        // The watchdog may only clean up a run whose lease is over; before that the run may still report.
        if (c.Error.Type == TaskError.ZombieTaskCleanedType && s.LeaseExpiresAt is { } lease && c.At < lease)
        {
            return new IllegalStateError(
                s.Status.ToWireName(),
                "fail",
                FormattableString.Invariant($"Task {s.Id} holds its lease until {lease:O}; it is no zombie at {c.At:O}."));
        }

        var delay = (c.Policy ?? RetryPolicy.Disabled).RetryDelay(c.Error.Type, s.RetryCount);
        if (delay is null)
        {
            return Accept(new TaskFailed(c.Error, c.At));
        }

        return c.RetryTaskId == Guid.Empty || c.RetryTaskId == s.Id
            ? new ValidationError("retryTaskId", "A retry needs a new task id.")
            : Accept(new TaskRetried(c.Error, c.RetryTaskId, c.At + delay.Value, c.At));
    }

    private static TaskState Created(TaskCreated e) =>
        new()
        {
            Id = e.TaskId,
            Status = TaskStatus.New,
            StatusChangedTimestamp = e.At,
            FunctionName = e.FunctionName,
            Data = e.Data,
            StartTimestamp = e.StartTimestamp,
            Priority = e.Priority,
            Tags = e.Tags,
            CreationTimestamp = e.At,
            UpdateTimestamp = e.At,
            CreatedByUserId = e.CreatedByUserId,
            CreatedByApplicationId = e.CreatedByApplicationId,
            RetryForTaskIds = e.RetryForTaskIds,
        };

    private static TaskState Entered(TaskState s, TaskStatus status, DateTimeOffset at) =>
        s with { Status = status, StatusChangedTimestamp = at, UpdateTimestamp = at };

    private static IllegalStateError Illegal(TaskState s, string action, string rule) =>
        new(s.Status.ToWireName(), action, $"{rule}; task {s.Id} is {s.Status.ToWireName()}.");

    private static Decision<ITaskEvent> Accept(ITaskEvent @event) => Decision.Accept(@event);
}
