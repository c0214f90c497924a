using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tests.Primitives;

public sealed class EquatableDictionarySpecs
{
    [Fact]
    public void Dictionaries_with_the_same_entries_are_equal_in_any_order()
    {
        var a = new EquatableDictionary<string, string>([KeyValuePair.Create("A", "1"), KeyValuePair.Create("B", "2")]);
        var b = new EquatableDictionary<string, string>([KeyValuePair.Create("B", "2"), KeyValuePair.Create("A", "1")]);

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void A_different_value_or_key_makes_them_differ()
    {
        var a = new EquatableDictionary<string, string>([KeyValuePair.Create("A", "1")]);

        Assert.NotEqual(a, new EquatableDictionary<string, string>([KeyValuePair.Create("A", "2")]));
        Assert.NotEqual(a, new EquatableDictionary<string, string>([KeyValuePair.Create("a", "1")]));
        Assert.NotEqual(a, new EquatableDictionary<string, string>());
    }

    [Fact]
    public void A_repeated_key_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => new EquatableDictionary<string, string>([KeyValuePair.Create("A", "1"), KeyValuePair.Create("A", "2")]));
    }

    [Fact]
    public void It_reads_like_a_dictionary_and_keeps_insertion_order()
    {
        var d = new Dictionary<string, int> { ["z"] = 1, ["a"] = 2 }.ToEquatableDictionary();

        Assert.Equal(2, d["a"]);
        Assert.True(d.ContainsKey("z"));
        Assert.False(d.TryGetValue("q", out _));
        Assert.Equal(["z", "a"], d.Keys);
        Assert.Equal([1, 2], d.Values);
    }
}
