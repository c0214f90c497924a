using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Tests.Support;

namespace Tasks.Domain.Tests.Functions;

internal static class FunctionExamples
{
    public static readonly Actor Bob = new("bob", null);

    public static FunctionDecider Aggregate => FunctionDecider.Instance;

    public static FunctionDefinition Definition() =>
        new()
        {
            Name = "resize-image",
            Description = "Makes thumbnails",
            Code = new CodeReference(new string('a', 64), 1024),
            EntryPoint = "index.handler",
            Runtime = "nodejs22.x",
        };

    public static RegisterFunction Register(FunctionDefinition? definition = null, DateTimeOffset? at = null) =>
        new(definition ?? Definition(), Bob, at ?? Time.T0);

    public static FunctionState Given(params IFunctionCommand[] commands)
    {
        FunctionState? state = null;
        foreach (var command in commands)
        {
            state = Aggregate.Fold(state, DecisionAssert.Accepted(Aggregate.Decide(command, state)));
        }

        return state!;
    }

    public static FunctionState Registered() => Given(Register());

    public static FunctionState Disabled() => Given(Register(), new DisableFunction(Bob, Time.At(1)));

    public static FunctionState Deleted() => Given(Register(), new DeleteFunction(Bob, Time.At(1)));
}
