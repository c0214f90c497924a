using Microsoft.Extensions.DependencyInjection;
using Tasks.Api.Tests.Support;
using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.EventStore.Running;
using Tasks.EventStore.Streams;
using Tasks.Projections.Commands;

namespace Tasks.Api.Tests.Querying;

/// <summary>
/// Runs task commands on the service's own command runner, as the dispatcher would: the API host runs no
/// dispatcher, so this is how tests get tasks that started, completed, failed or were retried, at instants they choose.
/// </summary>
internal sealed class TaskDriver(ApiHost api)
{
    private static readonly EventMetadata Metadata = new(ActorUserId: null);

    private CommandRunner Runner => api.Factory.Services.GetRequiredService<CommandRunner>();

    /// <summary>Creates a task at <paramref name="at"/> (its creation instant), as <paramref name="user"/> and/or <paramref name="application"/>.</summary>
    public async Task<string> CreateAsync(
        string function,
        DateTimeOffset at,
        DateTimeOffset? start = null,
        int priority = 0,
        string[]? tags = null,
        string? user = "driver",
        string? application = null)
    {
        var id = Guid.CreateVersion7();
        var command = new CreateTask(id, function, TaskData.Create("{\"n\":1}"), start, priority, tags ?? [], null, new Actor(user, application), [], at);
        await RunAsync(id, command, isNew: true);
        return id.ToString("D");
    }

    /// <summary>Starts a task (it must be due at <paramref name="at"/>).</summary>
    public Task StartAsync(string id, DateTimeOffset at) => RunAsync(Guid.Parse(id), new StartTask(at.AddMinutes(5), at));

    /// <summary>Records the task's success.</summary>
    public Task CompleteAsync(string id, DateTimeOffset at) => RunAsync(Guid.Parse(id), new CompleteTask("{\"ok\":true}", at));

    /// <summary>Cancels a new task.</summary>
    public Task CancelAsync(string id, DateTimeOffset at) => RunAsync(Guid.Parse(id), new CancelTask(new Actor("driver", null), at));

    /// <summary>Fails a started task for good (no retry policy).</summary>
    public Task FailAsync(string id, TaskError error, DateTimeOffset at) =>
        RunAsync(Guid.Parse(id), new FailTask(error, RetryPolicy.Disabled, Guid.CreateVersion7(), at));

    /// <summary>
    /// Fails a started task under an enabled retry policy: the task becomes retried, and the retry task is created
    /// (as the service does, from <see cref="TaskRetries.CreateRetryCommand"/>). Returns the retry task's id.
    /// </summary>
    public async Task<string> FailAndRetryAsync(string id, TaskError error, DateTimeOffset at)
    {
        var retryId = Guid.CreateVersion7();
        var result = await RunAsync(Guid.Parse(id), new FailTask(error, new RetryPolicy(true), retryId, at));
        var retried = Assert.IsType<TaskRetried>(Assert.Single(result.Events));
        await RunAsync(retryId, TaskRetries.CreateRetryCommand(result.State!, retried), isNew: true);
        return retryId.ToString("D");
    }

    /// <summary>Creates, starts and completes a task.</summary>
    public async Task<string> CompletedAsync(string function, DateTimeOffset at, string[]? tags = null)
    {
        var id = await CreateAsync(function, at, tags: tags);
        await StartAsync(id, at.AddSeconds(1));
        await CompleteAsync(id, at.AddSeconds(2));
        return id;
    }

    /// <summary>Creates, starts and fails a task for good.</summary>
    public async Task<string> FailedAsync(string function, DateTimeOffset at, TaskError error, string[]? tags = null)
    {
        var id = await CreateAsync(function, at, tags: tags);
        await StartAsync(id, at.AddSeconds(1));
        await FailAsync(id, error, at.AddSeconds(2));
        return id;
    }

    /// <summary>Creates, starts and fails a task under a retry policy; returns the failed task and its retry.</summary>
    public async Task<(string Retried, string Retry)> RetriedAsync(string function, DateTimeOffset at, TaskError error, string[]? tags = null)
    {
        var id = await CreateAsync(function, at, tags: tags);
        await StartAsync(id, at.AddSeconds(1));
        var retry = await FailAndRetryAsync(id, error, at.AddSeconds(2));
        return (id, retry);
    }

    private async Task<CommandResult<TaskState?, DomainError>> RunAsync(Guid id, ITaskCommand command, bool isNew = false)
    {
        var result = await Runner.RunAsync(id, DomainStreams.Task, state => TaskDecider.Instance.Decide(command, state).ToDecided(), Metadata, isNew);
        Assert.True(result.Rejection is null, $"{command.GetType().Name} was refused: {result.Rejection}");
        return result;
    }
}
