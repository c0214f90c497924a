using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tests.Primitives;

public sealed class EquatableListSpecs
{
    [Fact]
    public void Lists_with_equal_elements_in_the_same_order_are_equal()
    {
        EquatableList<string> a = ["x", "y"];
        var b = new EquatableList<string>(new List<string> { "x", "y" });

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void Order_and_length_matter()
    {
        EquatableList<string> a = ["x", "y"];

        Assert.NotEqual(a, ["y", "x"]);
        Assert.NotEqual(a, ["x"]);
        Assert.True(a != ["x", "y", "z"]);
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void A_list_is_a_copy_that_its_source_cannot_change()
    {
        var source = new List<int> { 1, 2 };
        var list = new EquatableList<int>(source);

        source.Add(3);

        Assert.Equal([1, 2], list);
        Assert.Equal(2, list.Count);
    }

    [Fact]
    public void Appending_returns_a_new_list()
    {
        EquatableList<int> list = [1];

        var longer = list.Append(2);

        Assert.Equal([1], list);
        Assert.Equal([1, 2], longer);
    }

    [Fact]
    public void Null_converts_to_the_empty_list()
    {
        Assert.Empty(((IEnumerable<int>?)null).ToEquatableList());
        Assert.Equal(new EquatableList<int>([]), ((IEnumerable<int>?)null).ToEquatableList());
    }

    [Fact]
    public void A_list_prints_its_elements()
    {
        Assert.Equal("[a, b]", new EquatableList<string>(["a", "b"]).ToString());
    }
}
