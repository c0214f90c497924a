using Tasks.Domain.Deciding;

namespace Tasks.Domain.Tests.Support;

internal static class DecisionAssert
{
    public static IReadOnlyList<TEvent> Accepted<TEvent>(Decision<TEvent> decision)
    {
        Assert.True(decision.IsSuccess, decision.ToString());
        Assert.Null(decision.Error);
        return decision.Events;
    }

    public static TExpected AcceptedSingle<TEvent, TExpected>(Decision<TEvent> decision)
        where TExpected : TEvent
    {
        var events = Accepted(decision);
        var single = Assert.Single(events);
        return Assert.IsType<TExpected>(single);
    }

    public static void AcceptedNothing<TEvent>(Decision<TEvent> decision) => Assert.Empty(Accepted(decision));

    public static TError Rejected<TEvent, TError>(Decision<TEvent> decision)
        where TError : DomainError
    {
        Assert.False(decision.IsSuccess, decision.ToString());
        Assert.Empty(decision.Events);
        return Assert.IsType<TError>(decision.Error);
    }

    public static ValidationError RejectedFor<TEvent>(Decision<TEvent> decision, string field)
    {
        var error = Rejected<TEvent, ValidationError>(decision);
        Assert.Equal(ErrorCodes.Validation, error.Code);
        Assert.Equal(field, error.Field);
        return error;
    }
}
