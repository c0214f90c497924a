using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary>Filter and sort arguments the schema's types allow but the service refuses: VALIDATION errors naming the culprit.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskQueryErrorTests(ApiHost api)
{
    [Fact]
    public async Task An_empty_sort_object_is_a_validation_error_naming_it()
    {
        var empty = await api.AdminAsync("{ tasks(order: [{ priority: ASC }, {}]) { nodes { id } } }");
        var emptyNested = await api.AdminAsync("{ tasks(order: [{ error: {} }]) { nodes { id } } }");
        var onlyNulls = await api.AdminAsync("{ tasks(order: { priority: null }) { nodes { id } } }");

        Gql.AssertValidation(empty, "order[1]");
        Gql.AssertValidation(emptyNested, "order[0]");
        Gql.AssertValidation(onlyNulls, "order[0]");
        Assert.Equal(JsonValueKind.Null, empty.Body.GetProperty("data").ValueKind);
    }

    [Fact]
    public async Task Sorting_twice_on_one_field_is_a_validation_error_naming_the_second_key()
    {
        var twice = await api.AdminAsync("{ tasks(order: [{ priority: ASC }, { priority: DESC }]) { nodes { id } } }");
        var twiceNested = await api.AdminAsync("{ tasks(order: [{ error: { type: ASC } }, { error: { type: DESC } }]) { nodes { id } } }");

        Assert.Equal("DuplicateSortField", Gql.Extension(Gql.AssertValidation(twice, "order[1].priority"), "reason"));
        Assert.Equal("DuplicateSortField", Gql.Extension(Gql.AssertValidation(twiceNested, "order[1].error.type"), "reason"));
    }

    [Fact]
    public async Task A_sort_object_setting_several_keys_is_a_validation_error_naming_it()
    {
        var literal = await api.AdminAsync("{ tasks(order: [{ priority: DESC }, { priority: null, startTimestamp: ASC, creationTimestamp: ASC }]) { nodes { id } } }");
        var nested = await api.AdminAsync("{ tasks(order: { error: { type: ASC, name: ASC } }) { nodes { id } } }");
        var variable = await api.AdminAsync(
            "query($order: [TaskSortInput!]) { tasks(order: $order) { nodes { id } } }",
            new { order = new[] { new { priority = "DESC", startTimestamp = "ASC" } } });

        Gql.AssertValidation(literal, "order[1]");
        Gql.AssertValidation(nested, "order[0]");
        Gql.AssertValidation(variable, "order[0]");
    }

    [Fact]
    public async Task A_nul_character_in_a_filter_value_is_a_validation_error_naming_the_operator()
    {
        const string Query = "query($where: TaskFilterInput) { tasks(where: $where) { nodes { id } } }";

        var scalar = await api.AdminAsync(Query, new { where = new { functionName = new { eq = "a\0b" } } });
        var pattern = await api.AdminAsync(Query, new { where = new { createdByUserId = new { like = "*\0*" } } });
        var element = await api.AdminAsync(Query, new { where = new { tags = new { some = new { startsWith = "\0" } } } });
        var nested = await api.AdminAsync(Query, new { where = new { error = new { message = new { contains = "\0" } } } });
        var listed = await api.AdminAsync(Query, new { where = new { functionName = new { @in = new[] { "ok", "b\0d" } } } });

        Gql.AssertValidation(scalar, "where.functionName.eq");
        Gql.AssertValidation(pattern, "where.createdByUserId.like");
        Gql.AssertValidation(element, "where.tags.some.startsWith");
        Gql.AssertValidation(nested, "where.error.message.contains");
        Gql.AssertValidation(listed, "where.functionName.in[1]");
    }

    [Fact]
    public async Task An_empty_or_is_a_validation_error_rather_than_a_filter_that_hides_everything()
    {
        var response = await api.AdminAsync("{ tasks(where: { or: [] }) { nodes { id } } }");
        var nested = await api.AdminAsync("{ tasks(where: { not: { and: [{ or: [] }] } }) { nodes { id } } }");

        Gql.AssertValidation(response, "where.or");
        Gql.AssertValidation(nested, "where.not.and[0].or");
    }

    [Fact]
    public async Task Tag_elements_compared_with_null_are_a_validation_error()
    {
        var eq = await api.AdminAsync("{ tasks(where: { tags: { some: { eq: null } } }) { nodes { id } } }");
        var neq = await api.AdminAsync("{ tasks(where: { tags: { all: { neq: null } } }) { nodes { id } } }");

        Gql.AssertValidation(eq, "where.tags.some.eq");
        Gql.AssertValidation(neq, "where.tags.all.neq");
    }

    [Fact]
    public async Task A_negated_pattern_combined_with_other_element_conditions_under_some_or_none_is_a_validation_error()
    {
        var withPositive = await api.AdminAsync("""{ tasks(where: { tags: { some: { nlike: "a*", eq: "b" } } }) { nodes { id } } }""");
        var twoNegated = await api.AdminAsync("""{ tasks(where: { tags: { none: { nstartsWith: "a", nendsWith: "b" } } }) { nodes { id } } }""");
        var underAll = await api.AdminAsync("""{ tasks(where: { tags: { all: { nstartsWith: "a", nendsWith: "b" } } }) { nodes { id } } }""");

        Gql.AssertValidation(withPositive, "where.tags.some");
        Gql.AssertValidation(twoNegated, "where.tags.none");
        Assert.Empty(underAll.Errors);
    }

    [Fact]
    public async Task A_filter_nested_more_than_ten_levels_deep_is_a_validation_error_on_where()
    {
        var ten = await api.AdminAsync($"{{ tasks(where: {Nots(9, "{ priority: { eq: 1 } }")}) {{ nodes {{ id }} }} }}");
        var eleven = await api.AdminAsync($"{{ tasks(where: {Nots(10, "{ priority: { eq: 1 } }")}) {{ nodes {{ id }} }} }}");

        Assert.Empty(ten.Errors);
        Assert.Equal("FilterTooDeep", Gql.Extension(Gql.AssertValidation(eleven, "where"), "reason"));
    }

    [Fact]
    public async Task A_filter_of_more_than_a_hundred_conditions_is_a_validation_error_on_where()
    {
        var hundred = await api.AdminAsync($"{{ tasks(where: {{ or: [{string.Join(", ", Enumerable.Range(0, 100).Select(i => $"{{ priority: {{ eq: {i} }} }}"))}] }}) {{ nodes {{ id }} }} }}");
        var more = await api.AdminAsync($"{{ tasks(where: {{ or: [{string.Join(", ", Enumerable.Range(0, 101).Select(i => $"{{ priority: {{ eq: {i} }} }}"))}] }}) {{ nodes {{ id }} }} }}");

        Assert.Empty(hundred.Errors);
        Assert.Equal("TooManyConditions", Gql.Extension(Gql.AssertValidation(more, "where"), "reason"));
    }

    [Fact]
    public async Task An_in_list_of_more_than_a_thousand_values_is_a_validation_error_naming_the_field_and_operator()
    {
        const string Query = "query($ids: [UUID!]) { tasks(where: { id: { in: $ids } }) { nodes { id } } }";

        var thousand = await api.AdminAsync(Query, new { ids = Enumerable.Range(0, 1000).Select(_ => Guid.NewGuid()).ToArray() });
        var more = await api.AdminAsync(Query, new { ids = Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid()).ToArray() });

        Assert.Empty(thousand.Errors);
        var error = Gql.AssertValidation(more, "id");
        Assert.Equal("in", Gql.Extension(error, "operator"));
        Assert.Equal("TooManyValues", Gql.Extension(error, "reason"));
    }

    [Fact]
    public async Task A_rejected_query_reports_only_the_validation_error_and_no_data()
    {
        var response = await api.AdminAsync("{ tasks(first: 99) { totalCount nodes { id } } }");

        var error = Gql.AssertValidation(response, "first");
        Assert.Equal("""["tasks"]""", error.GetProperty("path").GetRawText());
        Assert.Contains("50", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static string Nots(int count, string inner)
    {
        for (var i = 0; i < count; i++)
        {
            inner = $"{{ not: {inner} }}";
        }

        return inner;
    }
}
