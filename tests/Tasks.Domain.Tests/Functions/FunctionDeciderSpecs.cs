using Tasks.Domain.Deciding;
using Tasks.Domain.Functions;
using Tasks.Domain.Identity;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tests.Support;
using static Tasks.Domain.Tests.Functions.FunctionExamples;

namespace Tasks.Domain.Tests.Functions;

public sealed class FunctionDeciderSpecs
{
    [Fact]
    public void Registering_a_function_records_its_definition()
    {
        var registered = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionRegistered>(Aggregate.Decide(Register(), null));
        var state = Aggregate.Evolve(null, registered)!;

        Assert.Equal(new FunctionRegistered(Definition(), Bob, Time.T0), registered);
        Assert.Equal(Definition(), state.Definition);
        Assert.Equal("resize-image", state.Name);
        Assert.True(state.Enabled);
        Assert.False(state.IsDeleted);
        Assert.Equal(Time.T0, state.CreationTimestamp);
        Assert.Equal(Time.T0, state.UpdateTimestamp);
        Assert.Equal("bob", state.CreatedByUserId);
        Assert.Null(state.CreatedByApplicationId);
    }

    [Fact]
    public void Registering_an_existing_function_is_rejected_as_already_existing()
    {
        var error = DecisionAssert.Rejected<IFunctionEvent, AlreadyExistsError>(Aggregate.Decide(Register(at: Time.At(5)), Registered()));

        Assert.Equal(ErrorCodes.AlreadyExists, error.Code);
        Assert.Equal("name", error.Field);
        Assert.Equal("function", error.Entity);
    }

    [Fact]
    public void A_disabled_function_still_exists()
    {
        DecisionAssert.Rejected<IFunctionEvent, AlreadyExistsError>(Aggregate.Decide(Register(at: Time.At(5)), Disabled()));
    }

    [Fact]
    public void A_deleted_function_may_be_registered_again_from_scratch()
    {
        var again = Definition() with { Runtime = "python3.12", EntryPoint = "main.handler" };

        var registered = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionRegistered>(Aggregate.Decide(Register(again, Time.At(9)), Deleted()));
        var state = Aggregate.Evolve(Deleted(), registered)!;

        Assert.False(state.IsDeleted);
        Assert.Null(state.DeletedTimestamp);
        Assert.Equal(again, state.Definition);
        Assert.Equal(Time.At(9), state.CreationTimestamp);
    }

    [Fact]
    public void An_invalid_definition_is_not_registered()
    {
        DecisionAssert.RejectedFor(Aggregate.Decide(Register(Definition() with { Name = "no spaces" }), null), "name");
        DecisionAssert.RejectedFor(Aggregate.Decide(Register(Definition() with { MemoryLimit = 64 }), null), "memoryLimit");
        DecisionAssert.RejectedFor(Aggregate.Decide(Register(null!) with { Definition = null! }, null), "definition");
    }

    [Fact]
    public void Updating_changes_only_the_present_fields()
    {
        var patch = new FunctionPatch { TimeLimit = 60, Description = null, DefaultPriority = 3 };

        var updated = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionUpdated>(Aggregate.Decide(new UpdateFunction(patch, Bob, Time.At(5)), Registered()));
        var state = Aggregate.Evolve(Registered(), updated)!;

        var expected = Definition() with { TimeLimit = 60, Description = null, DefaultPriority = 3 };
        Assert.Equal(expected, updated.Definition);
        Assert.Equal(expected, state.Definition);
        Assert.Equal(Time.At(5), state.UpdateTimestamp);
        Assert.Equal(Time.T0, state.CreationTimestamp);
        Assert.Equal("bob", state.UpdatedByUserId);
    }

    [Fact]
    public void Updating_replaces_the_whole_environment()
    {
        var withEnv = Given(Register(Definition() with { Environment = new([KeyValuePair.Create("A", "1"), KeyValuePair.Create("B", "2")]) }));
        var patch = new FunctionPatch { Environment = new EquatableDictionary<string, string>([KeyValuePair.Create("C", "3")]) };

        var updated = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionUpdated>(Aggregate.Decide(new UpdateFunction(patch, Bob, Time.At(5)), withEnv));

        Assert.Equal(["C"], updated.Definition.Environment.Keys);
    }

    [Theory]
    [InlineData(2, "timeLimit")]
    [InlineData(301, "timeLimit")]
    public void An_update_validates_the_time_limit(int seconds, string field)
    {
        var patch = new FunctionPatch { TimeLimit = seconds };

        DecisionAssert.RejectedFor(Aggregate.Decide(new UpdateFunction(patch, Bob, Time.At(5)), Registered()), field);
    }

    [Fact]
    public void An_update_validates_every_present_field()
    {
        DecisionAssert.RejectedFor(Update(new FunctionPatch { MemoryLimit = 10241 }), "memoryLimit");
        DecisionAssert.RejectedFor(Update(new FunctionPatch { Runtime = "cobol" }), "runtime");
        DecisionAssert.RejectedFor(Update(new FunctionPatch { EntryPoint = "" }), "entryPoint");
        DecisionAssert.RejectedFor(Update(new FunctionPatch { Environment = new EquatableDictionary<string, string>([KeyValuePair.Create("1A", "x")]) }), "environment");
        DecisionAssert.RejectedFor(Update(new FunctionPatch { Code = new CodeReference("zz", 1) }), "code");
        DecisionAssert.RejectedFor(Update(new FunctionPatch { ExecutionPermission = (ExecutionPermission)9 }), "executionPermission");
        DecisionAssert.RejectedFor(Update(new FunctionPatch { RetryPolicy = new RetryPolicy(true, [""]) }), "retryPolicy");
        DecisionAssert.RejectedFor(Update(null!), "patch");
    }

    [Fact]
    public void An_update_that_changes_nothing_records_nothing()
    {
        DecisionAssert.AcceptedNothing(Update(new FunctionPatch()));
        DecisionAssert.AcceptedNothing(Update(new FunctionPatch { TimeLimit = 30, Runtime = "nodejs22.x" }));
    }

    [Fact]
    public void Updating_a_missing_or_deleted_function_is_not_found()
    {
        var update = new UpdateFunction(new FunctionPatch { TimeLimit = 60 }, Bob, Time.At(5));

        DecisionAssert.Rejected<IFunctionEvent, NotFoundError>(Aggregate.Decide(update, null));
        DecisionAssert.Rejected<IFunctionEvent, NotFoundError>(Aggregate.Decide(update, Deleted()));
    }

    [Fact]
    public void Disabling_an_enabled_function_disables_it()
    {
        var disabled = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionDisabled>(Aggregate.Decide(new DisableFunction(Bob, Time.At(3)), Registered()));
        var state = Aggregate.Evolve(Registered(), disabled)!;

        Assert.False(state.Enabled);
        Assert.False(state.Definition.Enabled);
        Assert.Equal(Time.At(3), state.UpdateTimestamp);
    }

    [Fact]
    public void Disabling_a_disabled_function_changes_nothing()
    {
        DecisionAssert.AcceptedNothing(Aggregate.Decide(new DisableFunction(Bob, Time.At(3)), Disabled()));
    }

    [Fact]
    public void Enabling_a_disabled_function_enables_it()
    {
        var enabled = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionEnabled>(Aggregate.Decide(new EnableFunction(Bob, Time.At(3)), Disabled()));

        Assert.True(Aggregate.Evolve(Disabled(), enabled)!.Enabled);
    }

    [Fact]
    public void Enabling_an_enabled_function_changes_nothing()
    {
        DecisionAssert.AcceptedNothing(Aggregate.Decide(new EnableFunction(Bob, Time.At(3)), Registered()));
    }

    [Fact]
    public void A_function_may_be_registered_disabled()
    {
        var state = Given(Register(Definition() with { Enabled = false }));

        Assert.False(state.Enabled);
    }

    [Fact]
    public void Deleting_a_function_marks_it_deleted()
    {
        var deleted = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionDeleted>(Aggregate.Decide(new DeleteFunction(Bob, Time.At(4)), Registered()));
        var state = Aggregate.Evolve(Registered(), deleted)!;

        Assert.True(state.IsDeleted);
        Assert.False(state.Enabled);
        Assert.Equal(Time.At(4), state.DeletedTimestamp);
        Assert.Equal(Definition(), state.Definition);
    }

    [Fact]
    public void Every_command_but_registration_on_a_missing_or_deleted_function_is_not_found()
    {
        IFunctionCommand[] commands =
        [
            new UpdateFunction(new FunctionPatch { TimeLimit = 60 }, Bob, Time.At(5)),
            new EnableFunction(Bob, Time.At(5)),
            new DisableFunction(Bob, Time.At(5)),
            new DeleteFunction(Bob, Time.At(5)),
        ];

        foreach (var command in commands)
        {
            DecisionAssert.Rejected<IFunctionEvent, NotFoundError>(Aggregate.Decide(command, null));
            DecisionAssert.Rejected<IFunctionEvent, NotFoundError>(Aggregate.Decide(command, Deleted()));
        }
    }

    [Fact]
    public void A_function_is_never_terminal_because_its_name_can_be_registered_again()
    {
        Assert.False(Aggregate.IsTerminal(null));
        Assert.False(Aggregate.IsTerminal(Registered()));
        Assert.False(Aggregate.IsTerminal(Deleted()));
    }

    [Fact]
    public void A_missing_actor_is_the_service_itself()
    {
        var disabled = DecisionAssert.AcceptedSingle<IFunctionEvent, FunctionDisabled>(Aggregate.Decide(new DisableFunction(null!, Time.At(3)), Registered()));

        Assert.Equal(Actor.System, disabled.By);
    }

    private static Decision<IFunctionEvent> Update(FunctionPatch patch) =>
        Aggregate.Decide(new UpdateFunction(patch, Bob, Time.At(5)), Registered());
}
