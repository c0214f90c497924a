using Npgsql;
using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Schedules;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Ids;
using Tasks.EventStore.Migrations;
using Tasks.EventStore.Notifications;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;
using Tasks.TestSupport.Postgres;

namespace Tasks.Projections.Tests;

/// <summary>A fresh database with the whole schema, the task event store over it, and command helpers.</summary>
public sealed class ProjectionsDatabase : IAsyncDisposable
{
    public static readonly Actor Alice = new("alice", null);

    private ProjectionsDatabase(NpgsqlDataSource dataSource)
    {
        DataSource = dataSource;
        Store = TaskEventStore.Create(dataSource, new LogSignal());
        Runner = new CommandRunner(Store);
    }

    public NpgsqlDataSource DataSource { get; }

    public EventStore.EventStore Store { get; }

    public CommandRunner Runner { get; }

    public static async Task<ProjectionsDatabase> CreateAsync()
    {
        var server = await PostgresServer.InstanceAsync();
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync("proj"));
        await new Migrator(dataSource).ApplyAsync(TaskEventStore.Migrations);
        return new ProjectionsDatabase(dataSource);
    }

    public async Task<Guid> CreateTaskAsync(string functionName = "resize", int? priority = null, DateTimeOffset? start = null, params string[] tags)
    {
        var id = TimeOrderedId.New();
        var command = new CreateTask(id, functionName, TaskData.Create("{\"size\":3}"), start, priority, tags, null, Alice, [], DateTimeOffset.UtcNow);
        await RunTaskAsync(id, command, isNew: true);
        return id;
    }

    public async Task<CommandResult<TaskState?, DomainError>> RunTaskAsync(Guid id, ITaskCommand command, bool isNew = false)
    {
        var result = await Runner.RunAsync(id, DomainStreams.Task, state => TaskDecider.Instance.Decide(command, state).ToDecided(), new EventMetadata(ActorUserId: "alice"), isNew);
        Assert.Null(result.Rejection);
        return result;
    }

    public async Task RunFunctionAsync(string name, IFunctionCommand command)
    {
        var result = await Runner.RunAsync(FunctionStreamId.For(name), DomainStreams.Function, state => FunctionDecider.Instance.Decide(command, state).ToDecided(), EventMetadata.None);
        Assert.Null(result.Rejection);
    }

    public async Task RunScheduleAsync(Guid id, IScheduleCommand command)
    {
        var result = await Runner.RunAsync(id, DomainStreams.Schedule, state => ScheduleDecider.Instance.Decide(command, state).ToDecided(), EventMetadata.None);
        Assert.Null(result.Rejection);
    }

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is DBNull or null ? default : (T)value;
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}
