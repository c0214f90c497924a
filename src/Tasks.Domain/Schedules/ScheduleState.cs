using Tasks.Domain.Primitives;
using Tasks.Domain.Tasks;

namespace Tasks.Domain.Schedules;

/// <summary>A schedule as its events left it (a schedule never created has no state: <c>null</c>).</summary>
public sealed record ScheduleState
{
    /// <summary>The schedule's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The function its tasks run.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The data of its tasks.</summary>
    public required TaskData Data { get; init; }

    /// <summary>The priority of its tasks, or <c>null</c> for the function's default.</summary>
    public int? Priority { get; init; }

    /// <summary>The tags of its tasks.</summary>
    public required EquatableList<string> Tags { get; init; }

    /// <summary>The first slot (active from).</summary>
    public required DateTimeOffset StartTimestamp { get; init; }

    /// <summary>The interval between slots, in seconds.</summary>
    public required int IntervalSeconds { get; init; }

    /// <summary>The next slot to fire for.</summary>
    public required DateTimeOffset NextTimestamp { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>When it last changed (created, fired, deleted).</summary>
    public required DateTimeOffset UpdateTimestamp { get; init; }

    /// <summary>The creating user, if any.</summary>
    public string? CreatedByUserId { get; init; }

    /// <summary>The creating application, if any.</summary>
    public string? CreatedByApplicationId { get; init; }

    /// <summary>The slot it last fired for, if it fired.</summary>
    public DateTimeOffset? LastFiredFor { get; init; }

    /// <summary>The task it last created, if it fired.</summary>
    public Guid? LastTaskId { get; init; }

    /// <summary>Whether it was deleted (then it accepts no command).</summary>
    public bool IsDeleted { get; init; }

    /// <summary>When it was deleted, if it was.</summary>
    public DateTimeOffset? DeletedTimestamp { get; init; }

    /// <summary>The status as a wire name: <c>active</c> or <c>deleted</c>.</summary>
    public string StatusName => IsDeleted ? "deleted" : "active";
}
