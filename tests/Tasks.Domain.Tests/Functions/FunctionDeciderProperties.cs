using FsCheck;
using FsCheck.Fluent;
using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tests.Support;

namespace Tasks.Domain.Tests.Functions;

public sealed class FunctionDeciderProperties
{
    private const string None = "none";

    // Every transition a function may make: (phase before, event) → possible phases after.
    private static readonly Dictionary<(string, Type), string[]> Allowed = new()
    {
        [(None, typeof(FunctionRegistered))] = ["enabled", "disabled"],
        [("deleted", typeof(FunctionRegistered))] = ["enabled", "disabled"],
        [("enabled", typeof(FunctionUpdated))] = ["enabled"],
        [("disabled", typeof(FunctionUpdated))] = ["disabled"],
        [("disabled", typeof(FunctionEnabled))] = ["enabled"],
        [("enabled", typeof(FunctionDisabled))] = ["disabled"],
        [("enabled", typeof(FunctionDeleted))] = ["deleted"],
        [("disabled", typeof(FunctionDeleted))] = ["deleted"],
    };

    private static readonly Actor Carol = new("carol", "cli");

    private static DeciderLaws<IFunctionCommand, IFunctionEvent, FunctionState?> Laws => new(FunctionDecider.Instance, Phase, Allowed)
    {
        OnEvent = (_, @event, after) =>
        {
            // Whatever was accepted, the function's settings obey every rule.
            Assert.Null(FunctionRules.Validate(after!.Definition));
            Assert.Equal(@event.At, after.UpdateTimestamp);
        },
        OnDecision = (before, command, decision) =>
        {
            if (before is null or { IsDeleted: true } && command is not RegisterFunction)
            {
                Assert.IsType<NotFoundError>(decision.Error); // gone for its callers
            }

            if (before is { IsDeleted: false } && command is RegisterFunction)
            {
                Assert.IsType<AlreadyExistsError>(decision.Error);
            }

            if (decision.Error is ValidationError validation)
            {
                Assert.False(string.IsNullOrEmpty(validation.Field));
            }
        },
    };

    [Fact]
    public void Any_sequence_of_function_commands_keeps_the_decider_laws()
    {
        Properties.ForAll(Commands, commands => Laws.CheckDeterministic(commands));
    }

    [Fact]
    public void Enabling_an_enabled_or_disabling_a_disabled_function_records_nothing()
    {
        Properties.ForAll(Commands, commands =>
        {
            var state = FunctionDecider.Instance.Initial;
            foreach (var command in commands)
            {
                state = FunctionDecider.Instance.Run(state, command).State;
            }

            if (state is { IsDeleted: false })
            {
                IFunctionCommand same = state.Enabled ? new EnableFunction(Carol, Time.At(99_999)) : new DisableFunction(Carol, Time.At(99_999));
                DecisionAssert.AcceptedNothing(FunctionDecider.Instance.Decide(same, state));
            }
        });
    }

    [Fact]
    public void The_generated_function_commands_reach_every_allowed_transition()
    {
        var reached = Laws.TransitionsReached(Commands.Sample(300));

        Assert.Empty(Allowed.Keys.Except(reached)); // every legal transition is exercised
        Assert.Empty(reached.Except(Allowed.Keys)); // and nothing else happens
    }

    private static string Phase(FunctionState? state) =>
        state switch
        {
            null => None,
            { IsDeleted: true } => "deleted",
            { Definition.Enabled: true } => "enabled",
            _ => "disabled",
        };

    private static Gen<IFunctionCommand[]> Commands =>
        Properties.Sequence(
            Gen.Frequency(
                (2, from definition in Definitions select (Func<DateTimeOffset, IFunctionCommand>)(at => new RegisterFunction(definition, Carol, at))),
                (3, from patch in Patches select (Func<DateTimeOffset, IFunctionCommand>)(at => new UpdateFunction(patch, Carol, at))),
                (2, Gen.Constant<Func<DateTimeOffset, IFunctionCommand>>(at => new EnableFunction(Carol, at))),
                (2, Gen.Constant<Func<DateTimeOffset, IFunctionCommand>>(at => new DisableFunction(Carol, at))),
                (1, Gen.Constant<Func<DateTimeOffset, IFunctionCommand>>(at => new DeleteFunction(Carol, at)))),
            Gen.Choose(0, 60));

    private static Gen<FunctionDefinition> Definitions =>
        from name in Gen.Frequency((8, Gen.Elements("resize-image", "Resize-Image")), (1, Gen.Elements("", "bad name")))
        from runtime in Runtimes
        from entryPoint in Gen.Frequency((8, Gen.Constant("index.handler")), (1, Gen.Constant("")))
        from timeLimit in TimeLimits
        from memoryLimit in MemoryLimits
        from environment in Environments
        from permission in Gen.Elements(ExecutionPermissions.All.ToArray())
        from priority in Properties.OrNull(Gen.Choose(-3, 3))
        from retryPolicy in RetryPolicies
        from enabled in Gen.Elements(true, false)
        select new FunctionDefinition
        {
            Name = name,
            EntryPoint = entryPoint,
            Runtime = runtime,
            TimeLimit = timeLimit,
            MemoryLimit = memoryLimit,
            Environment = environment,
            ExecutionPermission = permission,
            DefaultPriority = priority,
            RetryPolicy = retryPolicy,
            Enabled = enabled,
        };

    private static Gen<FunctionPatch> Patches =>
        from description in Maybe(Gen.Elements<string?>(null, "new text"))
        from runtime in Maybe(Runtimes)
        from timeLimit in Maybe(TimeLimits)
        from memoryLimit in Maybe(MemoryLimits)
        from environment in Maybe(Environments)
        from priority in Maybe(Properties.OrNull(Gen.Choose(-3, 3)))
        from retryPolicy in Maybe(RetryPolicies)
        select new FunctionPatch
        {
            Description = description,
            Runtime = runtime,
            TimeLimit = timeLimit,
            MemoryLimit = memoryLimit,
            Environment = environment,
            DefaultPriority = priority,
            RetryPolicy = retryPolicy,
        };

    private static Gen<string> Runtimes =>
        Gen.Frequency((8, Gen.Elements("nodejs22.x", "python3.12", "dotnet8")), (1, Gen.Constant("cobol")));

    private static Gen<int> TimeLimits => Gen.Frequency((8, Gen.Elements(3, 30, 300)), (1, Gen.Elements(2, 301)));

    private static Gen<int> MemoryLimits => Gen.Frequency((8, Gen.Elements(128, 1024, 10240)), (1, Gen.Elements(127, 10241)));

    private static Gen<EquatableDictionary<string, string>> Environments =>
        Gen.Frequency(
            (8, Gen.Elements(Env(), Env(("API_KEY", "k")), Env(("A", "1"), ("B", "2")))),
            (1, Gen.Elements(Env(("1BAD", "x")), Env(("BIG", new string('v', 5000))))));

    private static Gen<RetryPolicy> RetryPolicies =>
        Gen.Elements(RetryPolicy.Disabled, new RetryPolicy(true), new RetryPolicy(true, ["timeout"]), new RetryPolicy(true, [""]));

    private static Gen<Optional<T>> Maybe<T>(Gen<T> generator) =>
        Gen.Frequency((2, Gen.Constant(default(Optional<T>))), (1, generator.Select(Optional.Of)));

    private static EquatableDictionary<string, string> Env(params (string Key, string Value)[] entries) =>
        new(entries.Select(e => KeyValuePair.Create(e.Key, e.Value)));
}
