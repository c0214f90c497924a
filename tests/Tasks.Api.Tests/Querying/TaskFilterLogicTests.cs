using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary>How conditions combine (and, or, not, several fields and operators in one object) and what an explicit null means.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskFilterLogicTests(ApiHost api)
{
    private static readonly DateTimeOffset T0 = new(2030, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<TaskScope> FourTasksAsync()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("ann1", T0, priority: 1, user: "ann", tags: ["blue"]);
        await scope.CreateDirectAsync("ann5", T0, priority: 5, user: "ann");
        await scope.CreateDirectAsync("bob5", T0, priority: 5, user: "bob", tags: ["blue"]);
        await scope.CreateDirectAsync("app9", T0, priority: 9, user: null, application: "billing");
        return scope;
    }

    [Fact]
    public async Task Fields_and_operators_in_one_object_must_all_hold()
    {
        var scope = await FourTasksAsync();

        await scope.ExpectAsync("""{ priority: { eq: 5 }, createdByUserId: { eq: "ann" } }""", "ann5");
        await scope.ExpectAsync("{ priority: { gt: 1, lt: 9 } }", "ann5", "bob5");
        await scope.ExpectAsync("""{ priority: { gte: 5 }, tags: { some: { eq: "blue" } } }""", "bob5");
    }

    [Fact]
    public async Task And_requires_every_operand_and_or_requires_one()
    {
        var scope = await FourTasksAsync();

        await scope.ExpectAsync("""{ and: [{ priority: { eq: 5 } }, { createdByUserId: { eq: "bob" } }] }""", "bob5");
        await scope.ExpectAsync("""{ or: [{ priority: { eq: 1 } }, { createdByUserId: { eq: "bob" } }] }""", "ann1", "bob5");
        await scope.ExpectAsync("""{ or: [{ priority: { eq: 9 } }] }""", "app9");
        await scope.ExpectAsync("""{ or: [{ priority: { eq: 1 } }, { priority: { eq: 9 } }], createdByUserId: { neq: null } }""", "ann1");
        await scope.ExpectAsync("""{ or: [{ and: [{ priority: { eq: 5 } }, { createdByUserId: { eq: "ann" } }] }, { priority: { eq: 9 } }] }""", "ann5", "app9");
        await scope.ExpectAsync("""{ and: [] }""", "ann1", "ann5", "bob5", "app9");
        await scope.ExpectAsync("""{ and: [{ or: [{ priority: { eq: 1 } }, { priority: { eq: 5 } }] }, { or: [{ createdByUserId: { eq: "bob" } }, { tags: { any: false } }] }] }""", "ann5", "bob5");
    }

    [Fact]
    public async Task Not_is_the_exact_complement_even_on_fields_that_are_null()
    {
        var scope = await FourTasksAsync();

        await scope.ExpectAsync("""{ not: { priority: { eq: 5 } } }""", "ann1", "app9");
        await scope.ExpectAsync("""{ not: { createdByUserId: { eq: "ann" } } }""", "bob5", "app9");
        await scope.ExpectAsync("""{ not: { createdByUserId: { neq: "ann" } } }""", "ann1", "ann5");
        await scope.ExpectAsync("""{ not: { createdByUserId: { startsWith: "a" } } }""", "bob5", "app9");
        await scope.ExpectAsync("""{ not: { not: { createdByUserId: { eq: "ann" } } } }""", "ann1", "ann5");
        await scope.ExpectAsync("""{ not: { or: [{ priority: { eq: 1 } }, { priority: { eq: 9 } }] } }""", "ann5", "bob5");
        await scope.ExpectAsync("""{ not: { priority: { eq: 5 }, createdByUserId: { eq: "ann" } } }""", "ann1", "bob5", "app9");
        await scope.ExpectAsync("""{ not: { tags: { some: { eq: "blue" } } } }""", "ann5", "app9");
    }

    [Fact]
    public async Task Eq_null_and_neq_null_test_for_a_missing_value_while_other_nulls_set_no_condition()
    {
        var scope = await FourTasksAsync();

        await scope.ExpectAsync("""{ createdByUserId: { eq: null } }""", "app9");
        await scope.ExpectAsync("""{ createdByUserId: { neq: null } }""", "ann1", "ann5", "bob5");
        await scope.ExpectAsync("""{ createdByApplicationId: { eq: null } }""", "ann1", "ann5", "bob5");
        await scope.ExpectAsync("""{ retriedByTaskId: { eq: null } }""", "ann1", "ann5", "bob5", "app9");
        await scope.ExpectAsync("""{ retriedByTaskId: { neq: null } }""");

        // A field that is never null is never null.
        await scope.ExpectAsync("""{ priority: { eq: null } }""");
        await scope.ExpectAsync("""{ priority: { neq: null } }""", "ann1", "ann5", "bob5", "app9");

        // Every other operator given null is no condition at all, as is a field given null.
        await scope.ExpectAsync("""{ priority: { gt: null, in: null } }""", "ann1", "ann5", "bob5", "app9");
        await scope.ExpectAsync("""{ createdByUserId: { contains: null, like: null, nstartsWith: null } }""", "ann1", "ann5", "bob5", "app9");
        await scope.ExpectAsync("""{ createdByUserId: null, not: null, or: null }""", "ann1", "ann5", "bob5", "app9");
        await scope.ExpectVariableAsync(new { createdByUserId = new { eq = (string?)null, gt = (string?)null } }, "app9");
    }

    [Fact]
    public async Task In_with_an_empty_list_matches_nothing_and_nin_with_an_empty_list_matches_everything()
    {
        var scope = await FourTasksAsync();

        await scope.ExpectAsync("{ priority: { in: [] } }");
        await scope.ExpectAsync("{ priority: { nin: [] } }", "ann1", "ann5", "bob5", "app9");
        await scope.ExpectAsync("""{ createdByUserId: { nin: [] } }""", "ann1", "ann5", "bob5", "app9");
        await scope.ExpectAsync("""{ tags: { some: { in: [] } } }""");
    }

    [Fact]
    public async Task In_and_nin_take_lists_and_nin_keeps_tasks_where_the_field_is_null()
    {
        var scope = await FourTasksAsync();

        await scope.ExpectAsync("""{ createdByUserId: { in: ["ann", "nobody"] } }""", "ann1", "ann5");
        await scope.ExpectAsync("""{ createdByUserId: { nin: ["ann", "nobody"] } }""", "bob5", "app9");
        await scope.ExpectAsync("{ priority: { in: [1, 9], nin: [9] } }", "ann1");

        // A single value where a list is expected is a list of one (GraphQL input coercion).
        await scope.ExpectAsync("{ priority: { in: 5 } }", "ann5", "bob5");
    }

    [Fact]
    public async Task A_filter_nested_ten_levels_deep_is_accepted()
    {
        var scope = await FourTasksAsync();
        var nested = "{ priority: { eq: 5 } }";
        for (var i = 0; i < 8; i++)
        {
            nested = $"{{ not: {nested} }}";
        }

        // Eight nots hold the condition at depth 9, and the scope's and adds one: ten levels, the most allowed.
        await scope.ExpectAsync(nested, "ann5", "bob5");
    }

    [Fact]
    public async Task An_empty_filter_object_sets_no_condition()
    {
        await FourTasksAsync();

        var unfiltered = await api.AdminAsync("{ tasks(first: 5) { nodes { id } totalCount } }");
        var empty = await api.AdminAsync("{ tasks(where: {}, first: 5) { nodes { id } totalCount } }");

        Assert.Equal(Gql.Ids(unfiltered.At("tasks.nodes")), Gql.Ids(empty.At("tasks.nodes")));
        Assert.Equal(unfiltered.At("tasks.totalCount").GetInt64(), empty.At("tasks.totalCount").GetInt64());
        Assert.Equal(5, Gql.Ids(empty.At("tasks.nodes")).Length);
    }
}
