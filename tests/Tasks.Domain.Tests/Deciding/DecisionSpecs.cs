using Tasks.Domain.Deciding;

namespace Tasks.Domain.Tests.Deciding;

public sealed class DecisionSpecs
{
    [Fact]
    public void An_accepted_decision_carries_its_events_in_order()
    {
        var decision = Decision.Accept("first", "second");

        Assert.True(decision.IsSuccess);
        Assert.Null(decision.Error);
        Assert.Equal(["first", "second"], decision.Events);
    }

    [Fact]
    public void A_decision_may_accept_with_no_events()
    {
        var decision = Decision.Accept<string>();

        Assert.True(decision.IsSuccess);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void A_rejected_decision_carries_its_error_and_no_events()
    {
        Decision<string> decision = new NotFoundError("task", "gone");

        Assert.False(decision.IsSuccess);
        Assert.Empty(decision.Events);
        Assert.Equal(new NotFoundError("task", "gone"), decision.Error);
    }

    [Fact]
    public void Errors_carry_their_stable_codes()
    {
        Assert.Equal("VALIDATION", new ValidationError("f", "m").Code);
        Assert.Equal("ILLEGAL_STATE", new IllegalStateError("new", "start", "m").Code);
        Assert.Equal("NOT_FOUND", new NotFoundError("task", "m").Code);
        Assert.Equal("ALREADY_EXISTS", new AlreadyExistsError("task", "m").Code);
    }

    [Fact]
    public void A_validation_error_always_names_its_field()
    {
        Assert.Equal("timeLimit", new ValidationError("timeLimit", "m").Field);
        Assert.ThrowsAny<ArgumentException>(() => new ValidationError("", "m"));
    }

    [Fact]
    public void Errors_are_equal_by_value()
    {
        Assert.Equal(new IllegalStateError("new", "start", "m"), new IllegalStateError("new", "start", "m"));
        Assert.NotEqual(new IllegalStateError("new", "start", "m"), new IllegalStateError("inProgress", "start", "m"));
        Assert.NotEqual<DomainError>(new NotFoundError("task", "m"), new AlreadyExistsError("task", "m"));
    }
}
