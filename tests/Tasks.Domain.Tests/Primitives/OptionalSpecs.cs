using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tests.Primitives;

public sealed class OptionalSpecs
{
    [Fact]
    public void An_absent_value_falls_back()
    {
        var absent = Optional.None<string?>();

        Assert.False(absent.HasValue);
        Assert.Equal("old", absent.Or("old"));
        Assert.Throws<InvalidOperationException>(() => absent.Value);
    }

    [Fact]
    public void A_present_null_is_not_absent()
    {
        Optional<string?> cleared = null;

        Assert.True(cleared.HasValue);
        Assert.Null(cleared.Or("old"));
    }

    [Fact]
    public void A_present_value_wins()
    {
        Assert.Equal(5, Optional.Of(5).Or(1));
        Assert.Equal(Optional.Of(5), (Optional<int>)5);
    }
}
