using Tasks.Api.Filtering;
using static Tasks.Api.Tests.Filtering.FilterTrees;

namespace Tasks.Api.Tests.Filtering;

public sealed class ListFilterTranslationTests
{
    private static string Tags(params (string Name, object? Value)[] quantifiers) =>
        Print(FilterInputTranslator.Translate(FilterInputMapping.Task, Obj(("tags", Obj(quantifiers)))));

    [Theory]
    [InlineData("some")]
    [InlineData("all")]
    [InlineData("none")]
    public void A_quantifier_applies_the_element_conditions(string quantifier)
    {
        Assert.Equal($"tags {quantifier}(eq \"x\")", Tags((quantifier, Obj(("eq", "x")))));
    }

    [Fact]
    public void Several_operators_in_one_element_input_are_one_list_condition()
    {
        Assert.Equal(
            "tags some(like \"a*\", ne \"ab\", in [\"ac\", \"ad\"])",
            Tags(("some", Obj(("startsWith", "a"), ("neq", "ab"), ("in", List("ac", "ad"))))));
    }

    [Fact]
    public void Several_quantifiers_must_all_hold()
    {
        Assert.Equal("and(tags some(eq \"x\"), tags none(contains \"y\"))", Tags(("some", Obj(("eq", "x"))), ("none", Obj(("contains", "y")))));
    }

    [Fact]
    public void Any_asks_for_a_non_empty_or_an_empty_list()
    {
        Assert.Equal("tags any true", Tags(("any", true)));
        Assert.Equal("tags any false", Tags(("any", false)));
    }

    [Fact]
    public void Uuid_lists_take_uuid_element_conditions()
    {
        var id = Guid.Parse("00000000-0000-0000-0000-000000000007");
        Assert.Equal(
            "retryForTaskIds all(ne 00000000-0000-0000-0000-000000000007)",
            Print(FilterInputTranslator.Translate(FilterInputMapping.Task, Obj(("retryForTaskIds", Obj(("all", Obj(("neq", id)))))))));
    }

    [Fact]
    public void An_element_input_without_operators_holds_for_every_element()
    {
        Assert.Equal("tags any true", Tags(("some", Obj())));
        Assert.Equal("tags any false", Tags(("none", Obj())));
        Assert.Equal("<none>", Tags(("all", Obj())));
    }

    [Fact]
    public void A_negated_pattern_under_all_becomes_none_of_the_pattern()
    {
        Assert.Equal(
            "and(tags all(contains \"-\"), tags none(like \"x*\"), tags none(like \"*y\"))",
            Tags(("all", Obj(("contains", "-"), ("nstartsWith", "x"), ("nendsWith", "y")))));
    }

    [Fact]
    public void A_lone_negated_pattern_under_some_is_not_all_of_the_pattern()
    {
        Assert.Equal("not(tags all(like \"x?\"))", Tags(("some", Obj(("nlike", "x?")))));
    }

    [Fact]
    public void A_lone_negated_pattern_under_none_is_all_of_the_pattern()
    {
        Assert.Equal("tags all(like \"x*\")", Tags(("none", Obj(("nstartsWith", "x")))));
    }

    [Fact]
    public void A_negated_pattern_cannot_be_combined_under_some_or_none()
    {
        AssertValidation("where.tags.some", () => Tags(("some", Obj(("eq", "a"), ("nlike", "b*")))));
        AssertValidation("where.tags.none", () => Tags(("none", Obj(("nstartsWith", "a"), ("nendsWith", "b")))));
    }

    [Fact]
    public void Elements_are_never_compared_with_null()
    {
        AssertValidation("where.tags.some.eq", () => Tags(("some", Obj(("eq", null)))));
        AssertValidation("where.tags.all.neq", () => Tags(("all", Obj(("neq", null)))));
    }

    [Fact]
    public void Element_operators_follow_the_element_kind()
    {
        AssertValidation("where.retryForTaskIds.some.like", () =>
            FilterInputTranslator.Translate(FilterInputMapping.Task, Obj(("retryForTaskIds", Obj(("some", Obj(("like", "*"))))))));
        AssertValidation("where.tags.some.like", () => Tags(("some", Obj(("like", 5)))));
    }

    [Fact]
    public void Lists_take_only_quantifiers()
    {
        AssertValidation("where.tags.eq", () => Tags(("eq", "x")));
        AssertValidation("where.tags.any", () => Tags(("any", "yes")));
    }

    [Fact]
    public void Nested_list_errors_carry_the_whole_path()
    {
        AssertValidation("where.or[1].not.tags.some.gt", () => FilterInputTranslator.Translate(
            FilterInputMapping.Task,
            Obj(("or", List(Obj(), Obj(("not", Obj(("tags", Obj(("some", Obj(("gt", 1)))))))))))));
    }
}
