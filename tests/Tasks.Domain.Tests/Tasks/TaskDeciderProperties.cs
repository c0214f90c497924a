using FsCheck;
using FsCheck.Fluent;
using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;

namespace Tasks.Domain.Tests.Tasks;

public sealed class TaskDeciderProperties
{
    private const string None = "none";

    // Every transition a task may make: (status before, event) → status after. Nothing else is legal.
    private static readonly Dictionary<(string, Type), string[]> Allowed = new()
    {
        [(None, typeof(TaskCreated))] = ["new"],
        [("new", typeof(TaskCancelled))] = ["canceled"],
        [("new", typeof(TaskStarted))] = ["inProgress"],
        [("inProgress", typeof(TaskCompleted))] = ["complete"],
        [("inProgress", typeof(TaskFailed))] = ["failed"],
        [("inProgress", typeof(TaskRetried))] = ["retried"],
    };

    private static readonly Guid[] TaskIds = [Guid.Parse("00000000-0000-0000-0000-00000000000a"), Guid.Parse("00000000-0000-0000-0000-00000000000b")];
    private static readonly Guid[] EarlierIds = [.. Enumerable.Range(1, 4).Select(i => new Guid(i, 0, 0, new byte[8]))];

    private static DeciderLaws<ITaskCommand, ITaskEvent, TaskState?> Laws => new(TaskDecider.Instance, Phase, Allowed)
    {
        OnEvent = (before, @event, after) =>
        {
            switch (@event)
            {
                case TaskStarted started:
                    Assert.True(started.At >= before!.StartTimestamp, "started before it was due");
                    Assert.True(started.LeaseExpiresAt > started.At);
                    break;
                case TaskFailed { Error.Type: TaskError.ZombieTaskCleanedType } zombie:
                    Assert.True(zombie.At >= before!.LeaseExpiresAt, "cleaned a run whose lease was still valid");
                    break;
                case TaskRetried retried:
                    Assert.True(before!.RetryCount < RetryPolicy.MaxRetries, "retried past the cap");
                    Assert.Equal(RetryPolicy.Delays[before.RetryCount], retried.RetryAt - retried.At);
                    Assert.NotEqual(before.Id, retried.RetriedByTaskId);
                    break;
            }

            Assert.Equal(@event.At, after!.UpdateTimestamp);
        },
        OnDecision = (before, command, decision) =>
        {
            if (before is null && command is not CreateTask)
            {
                Assert.IsType<NotFoundError>(decision.Error);
            }
        },
    };

    [Fact]
    public void Any_sequence_of_task_commands_keeps_the_decider_laws()
    {
        Properties.ForAll(Commands, commands => Laws.CheckDeterministic(commands));
    }

    [Fact]
    public void Every_task_command_on_a_terminal_task_is_rejected_without_change()
    {
        var gen = from commands in Commands where commands.Length > 0 select commands;
        Properties.ForAll(gen, commands =>
        {
            foreach (var terminal in TaskExamples.AllTerminal())
            {
                foreach (var command in commands)
                {
                    var (decision, after) = TaskDecider.Instance.Run(terminal, command);
                    Assert.False(decision.IsSuccess);
                    Assert.Equal(terminal, after);
                }
            }
        });
    }

    [Fact]
    public void The_generated_task_commands_reach_every_allowed_transition()
    {
        var reached = Laws.TransitionsReached(Commands.Sample(300));

        Assert.Empty(Allowed.Keys.Except(reached)); // every legal transition is exercised
        Assert.Empty(reached.Except(Allowed.Keys)); // and nothing else happens
    }

    private static string Phase(TaskState? state) => state?.Status.ToWireName() ?? None;

    private static Gen<ITaskCommand[]> Commands =>
        Properties.Sequence(
            Gen.Frequency(
                (2, CreateStep),
                (1, Gen.Constant<Func<DateTimeOffset, ITaskCommand>>(at => new CancelTask(new Actor("u", null), at))),
                (3, from lease in Gen.Choose(-5, 300) select (Func<DateTimeOffset, ITaskCommand>)(at => new StartTask(at.AddSeconds(lease), at))),
                (1, from result in Gen.Elements<string?>(null, """{"ok":true}""") select (Func<DateTimeOffset, ITaskCommand>)(at => new CompleteTask(result, at))),
                (3, FailStep)),
            Gen.Frequency((4, Gen.Choose(0, 20)), (1, Gen.Choose(0, 400))));

    private static Gen<Func<DateTimeOffset, ITaskCommand>> CreateStep =>
        from id in Gen.Elements(TaskIds)
        from name in Gen.Frequency((6, Gen.Constant("resize-image")), (1, Gen.Elements("", "bad name", new string('f', 65))))
        from data in Gen.Elements(TaskData.Empty, TaskData.Create("""{"n":1}"""))
        from start in Properties.OrNull(Gen.Choose(-30, 60))
        from priority in Properties.OrNull(Gen.Choose(-5, 5))
        from defaultPriority in Properties.OrNull(Gen.Choose(-5, 5))
        from tags in Gen.Frequency((6, Gen.Elements<string[]>([], ["a"], ["a", "b"])), (1, Gen.Elements<string[]>([""], [new string('t', 257)])))
        from retries in Gen.Frequency((6, Gen.Choose(0, 3)), (1, Gen.Constant(4)))
        from user in Gen.Elements<string?>(null, "alice")
        select (Func<DateTimeOffset, ITaskCommand>)(at => new CreateTask(
            id,
            name,
            data,
            start is null ? null : at.AddSeconds(start.Value),
            priority,
            tags,
            defaultPriority,
            new Actor(user, "app"),
            EarlierIds[..retries],
            at));

    private static Gen<Func<DateTimeOffset, ITaskCommand>> FailStep =>
        from type in Gen.Elements("timeout", "crash", TaskError.ZombieTaskCleanedType)
        from enabled in Gen.Elements(true, false)
        from errorsToRetry in Gen.Elements<string[]>([], ["timeout"], ["crash", TaskError.ZombieTaskCleanedType])
        from retryId in Gen.Frequency((6, Gen.Fresh(Guid.NewGuid)), (1, Gen.Constant(Guid.Empty)))
        select (Func<DateTimeOffset, ITaskCommand>)(at => new FailTask(new TaskError(type, "E", "boom"), new RetryPolicy(enabled, errorsToRetry.ToEquatableList()), retryId, at));
}
