using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tests.Functions;

public sealed class RetryPolicySpecs
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    public void The_delays_are_2_5_and_10_seconds(int retriesSoFar, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new RetryPolicy(true).RetryDelay("any", retriesSoFar));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(-1)]
    public void There_is_no_fourth_retry(int retriesSoFar)
    {
        Assert.Null(new RetryPolicy(true).RetryDelay("any", retriesSoFar));
    }

    [Fact]
    public void An_empty_or_missing_list_covers_every_error()
    {
        Assert.True(new RetryPolicy(true).Covers("anything"));
        Assert.True(new RetryPolicy(true, []).Covers("anything"));
    }

    [Fact]
    public void A_list_covers_only_its_error_types()
    {
        var policy = new RetryPolicy(true, ["timeout"]);

        Assert.True(policy.Covers("timeout"));
        Assert.False(policy.Covers("crash"));
        Assert.Null(policy.RetryDelay("crash", 0));
    }

    [Fact]
    public void A_disabled_policy_covers_nothing()
    {
        Assert.False(RetryPolicy.Disabled.Covers("timeout"));
        Assert.Null(new RetryPolicy(false, ["timeout"]).RetryDelay("timeout", 0));
    }

    [Fact]
    public void Policies_are_equal_by_value()
    {
        Assert.Equal(new RetryPolicy(true, new List<string> { "a" }.ToEquatableList()), new RetryPolicy(true, ["a"]));
        Assert.NotEqual(new RetryPolicy(true, ["a"]), new RetryPolicy(true, ["b"]));
    }
}
