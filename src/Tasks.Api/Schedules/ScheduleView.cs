using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Schedules;

/// <summary>A schedule as the API shows it.</summary>
public sealed record ScheduleView
{
    /// <summary>The schedule's id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The function each task runs.</summary>
    public required string FunctionName { get; init; }

    /// <summary>The data of each task.</summary>
    public required RawJson Data { get; init; }

    /// <summary>The priority of each task, or null for the function's default.</summary>
    public int? Priority { get; init; }

    /// <summary>The tags of each task.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>When the schedule becomes active.</summary>
    public required DateTimeOffset StartTimestamp { get; init; }

    /// <summary>Seconds between tasks.</summary>
    public required int Interval { get; init; }

    /// <summary>When the next task is due.</summary>
    public required DateTimeOffset NextTimestamp { get; init; }

    /// <summary>When the schedule last created a task.</summary>
    public DateTimeOffset? LastFiredTimestamp { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreationTimestamp { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdateTimestamp { get; init; }

    /// <summary>The user who created it.</summary>
    public string? CreatedByUserId { get; init; }

    /// <summary>The application that created it.</summary>
    public string? CreatedByApplicationId { get; init; }
}
