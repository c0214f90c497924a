using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Tasks.Dispatcher.Schedules;
using Tasks.Dispatcher.Tests.Dispatching;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;

namespace Tasks.Dispatcher.Tests.Schedules;

/// <summary>A dispatch database with shortcuts for functions with default priorities, schedules, and the tasks they created.</summary>
public sealed class ScheduleDatabase : IAsyncDisposable
{
    private ScheduleDatabase(DispatchDatabase db) => Db = db;

    public DispatchDatabase Db { get; }

    public static async Task<ScheduleDatabase> CreateAsync() => new(await DispatchDatabase.CreateAsync());

    /// <summary>A whole second, so that it survives PostgreSQL's microsecond precision unchanged.</summary>
    public static DateTimeOffset WholeSecondNow()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public ScheduleFiring Firing(int batchSize = ScheduleFiring.DefaultBatchSize) =>
        new(Db.DataSource, Db.Runner, NullLogger<ScheduleFiring>.Instance, batchSize);

    public Task RegisterFunctionAsync(string name, int? defaultPriority = null) =>
        Db.RunFunctionAsync(name, new RegisterFunction(
            new FunctionDefinition { Name = name, EntryPoint = "index.handler", Runtime = "nodejs22.x", TimeLimit = 30, RetryPolicy = RetryPolicy.Disabled, DefaultPriority = defaultPriority },
            Actor.System,
            DateTimeOffset.UtcNow));

    public Task DeleteFunctionAsync(string name) => Db.RunFunctionAsync(name, new DeleteFunction(Actor.System, DateTimeOffset.UtcNow));

    public async Task<Guid> CreateScheduleAsync(
        string function, DateTimeOffset start, int intervalSeconds, int? priority = null, string[]? tags = null, string data = "{\"n\":1}", Actor? by = null)
    {
        var id = TimeOrderedId.New();
        var command = new CreateSchedule(id, function, TaskData.Create(data), priority, tags ?? [], start, intervalSeconds, by ?? Actor.System, DateTimeOffset.UtcNow);
        var result = await Db.Runner.RunAsync(id, DomainStreams.Schedule, s => ScheduleDecider.Instance.Decide(command, s).ToDecided(), EventMetadata.None, isNewStream: true);
        Assert.Null(result.Rejection);
        return id;
    }

    public async Task DeleteScheduleAsync(Guid id)
    {
        var command = new DeleteSchedule(Actor.System, DateTimeOffset.UtcNow);
        var result = await Db.Runner.RunAsync(id, DomainStreams.Schedule, s => ScheduleDecider.Instance.Decide(command, s).ToDecided(), EventMetadata.None);
        Assert.Null(result.Rejection);
    }

    public async Task<ScheduleState> ScheduleAsync(Guid id) => (await Db.Runner.LoadAsync(id, DomainStreams.Schedule)).State!;

    /// <summary>How many times the schedule's stream records a firing.</summary>
    public async Task<int> FiringsAsync(Guid id) => (await Db.Store.ReadStreamAsync(id)).Count(e => e.Data is ScheduleFired);

    /// <summary>The read model's next slot, or null when the schedule has no row.</summary>
    public async Task<DateTimeOffset?> ReadModelNextAtAsync(Guid id)
    {
        await using var command = Db.DataSource.CreateCommand("SELECT next_at FROM schedules WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        return await command.ExecuteScalarAsync() is DateTime next ? new DateTimeOffset(next, TimeSpan.Zero) : null;
    }

    /// <summary>The ids of the tasks of <paramref name="function"/> in the tasks read model.</summary>
    public async Task<IReadOnlyList<Guid>> TaskIdsAsync(string function)
    {
        await using var command = Db.DataSource.CreateCommand("SELECT id FROM tasks WHERE function_name = $1 ORDER BY start_at, id");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = function });
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public ValueTask DisposeAsync() => Db.DisposeAsync();
}
