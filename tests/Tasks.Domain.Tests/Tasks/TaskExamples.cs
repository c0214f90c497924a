using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tasks;
using Tasks.Domain.Tests.Support;

namespace Tasks.Domain.Tests.Tasks;

/// <summary>Tasks in known states, built only through the decider's own events.</summary>
internal static class TaskExamples
{
    public static readonly Guid TaskId = Guid.Parse("0195a0c0-0000-7000-8000-000000000001");
    public static readonly Guid RetryId = Guid.Parse("0195a0c0-0000-7000-8000-000000000002");
    public static readonly Actor Alice = new("alice", "backoffice");

    public static TaskDecider Aggregate => TaskDecider.Instance;

    public static CreateTask Create(DateTimeOffset? at = null) =>
        new(
            TaskId,
            "resize-image",
            TaskData.Create("""{"image":"a.png"}"""),
            StartTimestamp: null,
            Priority: null,
            Tags: ["images"],
            FunctionDefaultPriority: null,
            Alice,
            RetryForTaskIds: [],
            at ?? Time.T0);

    public static TaskState Given(CreateTask create, params ITaskCommand[] commands)
    {
        var state = Aggregate.Fold(DecisionAssert.Accepted(Aggregate.Decide(create, null)));
        foreach (var command in commands)
        {
            state = Aggregate.Fold(state, DecisionAssert.Accepted(Aggregate.Decide(command, state)));
        }

        return state!;
    }

    public static TaskState New() => Given(Create());

    public static TaskState InProgress() => Given(Create(), new StartTask(Time.At(300), Time.At(1)));

    public static TaskState Complete() => Given(Create(), new StartTask(Time.At(300), Time.At(1)), new CompleteTask(null, Time.At(2)));

    public static TaskState Failed() =>
        Given(Create(), new StartTask(Time.At(300), Time.At(1)), Fail(RetryPolicy.Disabled, Time.At(2)));

    public static TaskState Retried() =>
        Given(Create(), new StartTask(Time.At(300), Time.At(1)), Fail(new RetryPolicy(true), Time.At(2)));

    public static TaskState Canceled() => Given(Create(), new CancelTask(Alice, Time.At(1)));

    public static FailTask Fail(RetryPolicy policy, DateTimeOffset at, string errorType = "timeout") =>
        new(new TaskError(errorType, "TimeoutError", "took too long"), policy, RetryId, at);

    public static IEnumerable<TaskState> AllTerminal() => [Complete(), Failed(), Retried(), Canceled()];

    public static IEnumerable<ITaskCommand> EveryCommand(DateTimeOffset at) =>
    [
        Create(at),
        new CancelTask(Alice, at),
        new StartTask(at.AddMinutes(5), at),
        new CompleteTask(null, at),
        new DeferTask(at.AddSeconds(1), "busy", at),
        Fail(new RetryPolicy(true), at),
    ];
}
