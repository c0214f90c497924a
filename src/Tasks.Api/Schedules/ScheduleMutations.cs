using Tasks.Api.Errors;
using Tasks.Api.Functions;
using Tasks.Api.Inputs;
using Tasks.Domain.Identity;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;

namespace Tasks.Api.Schedules;

/// <summary>Creates and deletes schedules.</summary>
public sealed class ScheduleMutations(CommandRunner runner, ScheduleReader reader, FunctionCatalog functions, TimeProvider clock)
{
    /// <summary>Creates a schedule for an existing function.</summary>
    public async Task<SchedulePayload> CreateAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var functionName = input.RequiredString("functionName");
        if (await functions.FindAsync(functionName, cancellationToken) is not { } function)
        {
            return SchedulePayload.Refused(new NotFound("function", $"No function is named '{functionName}'.", "functionName"));
        }

        if (!TaskData.TryCreate(input.JsonText("data"), out var data, out var dataError))
        {
            return SchedulePayload.Refused(MutationError.From(dataError));
        }

        var now = clock.GetUtcNow();
        var id = TimeOrderedId.New();
        var command = new CreateSchedule(
            id, function.Name, data, input.OptionalInt("priority"), input.Strings("tags") ?? [], input.DateTime("startTimestamp") ?? now, input.OptionalInt("interval") ?? 0, actor, now);
        var result = await runner.RunAsync(id, DomainStreams.Schedule, state => ScheduleDecider.Instance.Decide(command, state).ToDecided(), metadata, isNewStream: true, cancellationToken: cancellationToken);
        return result.Rejection is { } rejection
            ? SchedulePayload.Refused(MutationError.From(rejection))
            : new SchedulePayload(await reader.FindAsync(id, cancellationToken), []);
    }

    /// <summary>Deletes a schedule, answering with the schedule as it was.</summary>
    public async Task<SchedulePayload> DeleteAsync(InputObject input, Actor actor, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var id = input.Uuid("id")!.Value;
        var before = await reader.FindAsync(id, cancellationToken);
        var command = new DeleteSchedule(actor, clock.GetUtcNow());
        var result = await runner.RunAsync(id, DomainStreams.Schedule, state => ScheduleDecider.Instance.Decide(command, state).ToDecided(), metadata, cancellationToken: cancellationToken);
        return result.Rejection is { } rejection
            ? SchedulePayload.Refused(MutationError.From(rejection))
            : new SchedulePayload(before, []);
    }
}

/// <summary>The payload of createSchedule and deleteSchedule.</summary>
/// <param name="Schedule">The schedule, when the mutation succeeded.</param>
/// <param name="Errors">Why it was refused; empty on success.</param>
public sealed record SchedulePayload(ScheduleView? Schedule, IReadOnlyList<MutationError> Errors)
{
    /// <summary>A refusal.</summary>
    public static SchedulePayload Refused(MutationError error) => new(null, [error]);
}
