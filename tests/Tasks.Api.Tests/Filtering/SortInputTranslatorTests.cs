using Tasks.Api.Filtering;
using Tasks.Projections.Queries;
using static Tasks.Api.Tests.Filtering.FilterTrees;

namespace Tasks.Api.Tests.Filtering;

public sealed class SortInputTranslatorTests
{
    private static string Sort(FilterInputMapping mapping, object? order) =>
        string.Join(", ", SortInputTranslator.Translate(mapping, order).Select(k => $"{k.Field} {(k.Direction == SortDirection.Ascending ? "asc" : "desc")}"));

    [Fact]
    public void An_absent_order_leaves_the_default_sort()
    {
        Assert.Empty(SortInputTranslator.Translate(FilterInputMapping.Task, null));
    }

    [Fact]
    public void Sort_objects_apply_in_list_order()
    {
        Assert.Equal(
            "priority desc, creationTimestamp asc",
            Sort(FilterInputMapping.Task, List(Obj(("priority", "DESC")), Obj(("creationTimestamp", "ASC")))));
    }

    [Fact]
    public void Several_keys_in_one_object_are_refused_because_their_written_order_is_not_kept()
    {
        AssertValidation("order[0]", () => Sort(FilterInputMapping.Task, List(Obj(("startTimestamp", "ASC"), ("functionName", "DESC")), Obj(("id", "ASC")))));
        AssertValidation("order[0]", () => Sort(FilterInputMapping.Task, List(Obj(("error", Obj(("type", "ASC"), ("name", "DESC")))))));
    }

    [Fact]
    public void Error_keys_name_the_read_models_error_fields()
    {
        Assert.Equal(
            "errorType asc, errorName desc",
            Sort(FilterInputMapping.Task, List(Obj(("error", Obj(("type", "ASC")))), Obj(("error", Obj(("name", "DESC")))))));
    }

    [Fact]
    public void Null_keys_are_skipped()
    {
        Assert.Equal("runtime desc", Sort(FilterInputMapping.Function, List(Obj(("name", null), ("runtime", "DESC")))));
    }

    [Fact]
    public void Schedules_sort_on_their_own_fields()
    {
        Assert.Equal("nextTimestamp asc, interval desc", Sort(FilterInputMapping.Schedule, List(Obj(("nextTimestamp", "ASC")), Obj(("interval", "DESC")))));
    }

    [Fact]
    public void A_sort_object_without_a_key_is_refused()
    {
        AssertValidation("order[1]", () => Sort(FilterInputMapping.Task, List(Obj(("priority", "DESC")), Obj())));
        AssertValidation("order[0]", () => Sort(FilterInputMapping.Task, List(Obj(("priority", null)))));
        AssertValidation("order[0]", () => Sort(FilterInputMapping.Task, List(Obj(("error", Obj())))));
    }

    [Fact]
    public void A_field_sorted_on_twice_is_refused()
    {
        var error = AssertValidation("order[1].error.type", () =>
            Sort(FilterInputMapping.Task, List(Obj(("error", Obj(("type", "ASC")))), Obj(("error", Obj(("type", "DESC")))))));
        Assert.Equal("DuplicateSortField", error.Extensions!["reason"]);
    }

    [Fact]
    public void A_direction_other_than_asc_or_desc_is_refused()
    {
        AssertValidation("order[0].priority", () => Sort(FilterInputMapping.Task, List(Obj(("priority", "asc")))));
    }

    [Fact]
    public void Unknown_and_list_keys_are_refused()
    {
        AssertValidation("order[0].version", () => Sort(FilterInputMapping.Task, List(Obj(("version", "ASC")))));
        AssertValidation("order[0].tags", () => Sort(FilterInputMapping.Task, List(Obj(("tags", "ASC")))));
    }

    [Fact]
    public void Order_items_must_be_sort_objects()
    {
        AssertValidation("order[0]", () => Sort(FilterInputMapping.Task, List((object?)null)));
        AssertValidation("order", () => Sort(FilterInputMapping.Task, "priority"));
    }

    [Fact]
    public void A_single_sort_object_is_a_list_of_one()
    {
        Assert.Equal("priority asc", Sort(FilterInputMapping.Task, Obj(("priority", "ASC"))));
    }
}
