using Microsoft.Extensions.Logging;
using Npgsql;
using Tasks.Domain.Deciding;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;
using Tasks.Projections.Events;

namespace Tasks.Dispatcher.Schedules;

/// <summary>
/// Fires due schedules: each schedule whose next slot has been reached creates one task, for the latest slot reached
/// (a schedule that missed slots while no dispatcher ran catches up with one task, not a burst). The firing
/// (<c>ScheduleFired</c>) and the task's <c>TaskCreated</c> are one transaction. Any number of dispatchers may fire at
/// once: the firing is appended at the schedule stream's version, so of two firings of the same slot one commits and
/// the other, deciding again on the new state, finds the schedule no longer due.
/// </summary>
/// <remarks>
/// A schedule whose function does not exist (deleted, or never registered) is skipped, not fired, and logged once per
/// instance; it fires again, with one catch-up task, when a function of that name is registered.
/// </remarks>
public sealed class ScheduleFiring
{
    /// <summary>The most schedules one call fires, unless the constructor says otherwise.</summary>
    public const int DefaultBatchSize = 100;

    // Schedules of existing functions first, then (to be logged) those whose function is gone, each soonest first.
    private const string Due = """
        SELECT s.id, s.function_name, f.name IS NOT NULL, f.default_priority
        FROM schedules s LEFT JOIN functions f ON f.name = s.function_name
        WHERE s.next_at <= $1
        ORDER BY f.name IS NULL, s.next_at, s.id
        LIMIT $2
        """;

    private const string NextDue = """
        SELECT min(s.next_at) FROM schedules s
        WHERE EXISTS (SELECT 1 FROM functions f WHERE f.name = s.function_name)
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly CommandRunner runner;
    private readonly ILogger<ScheduleFiring> logger;
    private readonly int batchSize;
    private readonly HashSet<Guid> reportedOrphans = [];

    /// <summary>Creates a firing over the <c>schedules</c> and <c>functions</c> read models.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="runner">Runs the schedule decider.</param>
    /// <param name="logger">Where skipped schedules are reported.</param>
    /// <param name="batchSize">The most schedules one <see cref="FireDueAsync"/> fires.</param>
    public ScheduleFiring(NpgsqlDataSource dataSource, CommandRunner runner, ILogger<ScheduleFiring> logger, int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        this.dataSource = dataSource;
        this.runner = runner;
        this.logger = logger;
        this.batchSize = batchSize;
    }

    /// <summary>
    /// Fires, once each, up to the batch size of the schedules due at <paramref name="now"/> (next slot at or before
    /// it), soonest first.
    /// </summary>
    /// <param name="now">The time the firings are decided at.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>How many tasks were created (schedules another dispatcher fired first, or deleted meanwhile, are not counted).</returns>
    public async Task<int> FireDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<(Guid Id, string FunctionName, bool FunctionExists, int? DefaultPriority)>();
        await using (var command = dataSource.CreateCommand(Due))
        {
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batchSize });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add((reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2), reader.IsDBNull(3) ? null : reader.GetInt32(3)));
            }
        }

        var fired = 0;
        foreach (var (id, functionName, functionExists, defaultPriority) in due)
        {
            if (!functionExists)
            {
                ReportOrphan(id, functionName);
            }
            else if (await FireAsync(id, defaultPriority, now, cancellationToken))
            {
                fired++;
            }
        }

        return fired;
    }

    /// <summary>When the earliest schedule (of an existing function) is due, or null when there is none.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The earliest next slot, possibly in the past.</returns>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(NextDue);
        return await command.ExecuteScalarAsync(cancellationToken) is DateTime due ? new DateTimeOffset(due, TimeSpan.Zero) : null;
    }

    private async Task<bool> FireAsync(Guid scheduleId, int? functionDefaultPriority, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taskId = TimeOrderedId.New();
        IReadOnlyList<object> taskEvents = [];
        try
        {
            var result = await runner.RunAsync(
                scheduleId,
                DomainStreams.Schedule,
                state =>
                {
                    // Decided again on every attempt: after a lost race the schedule is no longer due and nothing is written.
                    var firing = ScheduleDecider.Instance.Decide(new FireSchedule(taskId, now), state);
                    if (!firing.IsSuccess)
                    {
                        return firing.ToDecided();
                    }

                    var create = ScheduledTasks.CreateTaskCommand(state!, firing.Events.OfType<ScheduleFired>().Single(), functionDefaultPriority);
                    var task = TaskDecider.Instance.Decide(create, null);
                    if (!task.IsSuccess)
                    {
                        return Decided<DomainError>.Reject(task.Error);
                    }

                    taskEvents = [.. task.Events];
                    return firing.ToDecided();
                },
                EventMetadata.None,
                alsoWrite: (work, _, _) => work.Append(taskId, DomainEventTypes.TaskStream, ExpectedVersion.NoStream, taskEvents, EventMetadata.None),
                cancellationToken: cancellationToken);
            if (result.Rejection is { } rejection)
            {
                // Fired by another dispatcher first, or deleted since it was found: nothing to do.
                logger.LogDebug("Schedule {ScheduleId} did not fire: {Code} {Message}", scheduleId, rejection.Code, rejection.Message);
                return false;
            }

            logger.LogDebug("Schedule {ScheduleId} fired task {TaskId}.", scheduleId, taskId);
            return true;
        }
        catch (StreamVersionConflictException e)
        {
            // Writers kept colliding on this schedule; it is still due and the next round tries again.
            logger.LogWarning(e, "Schedule {ScheduleId} could not fire for conflicting writes; it will be tried again.", scheduleId);
            return false;
        }
    }

    private void ReportOrphan(Guid scheduleId, string functionName)
    {
        bool first;
        lock (reportedOrphans)
        {
            first = reportedOrphans.Add(scheduleId);
        }

        if (first)
        {
            logger.LogWarning(
                "Schedule {ScheduleId} is due but its function '{FunctionName}' does not exist; it is skipped until a function of that name is registered.",
                scheduleId,
                functionName);
        }
    }
}
