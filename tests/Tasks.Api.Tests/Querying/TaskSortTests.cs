using Tasks.Api.Tests.Support;
using Tasks.Domain.Tasks;

namespace Tasks.Api.Tests.Querying;

/// <summary>Sorting tasks: every sortable field both ways, several keys, nested error keys, ties broken by id.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskSortTests(ApiHost api)
{
    private static readonly DateTimeOffset T0 = new(2030, 4, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tasks_come_newest_first_by_default()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("first", T0.AddSeconds(1));
        await scope.CreateDirectAsync("third", T0.AddSeconds(3));
        await scope.CreateDirectAsync("second", T0.AddSeconds(2));

        var response = await api.AdminAsync($"{{ tasks(where: {scope.Isolation}) {{ nodes {{ id }} }} }}");

        Assert.Equal(["third", "second", "first"], scope.Labels(Gql.Ids(response.At("tasks.nodes"))));
    }

    [Fact]
    public async Task Tasks_sort_by_id_both_ways()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var ids = Gql.Sorted([await scope.CreateDirectAsync("a", T0), await scope.CreateDirectAsync("b", T0), await scope.CreateDirectAsync("c", T0)]);
        var ascending = scope.Labels(ids);

        await scope.ExpectOrderAsync("{ id: ASC }", ascending);
        await scope.ExpectOrderAsync("{ id: DESC }", [.. ascending.Reverse()]);
    }

    [Fact]
    public async Task Tasks_sort_by_priority_both_ways_with_ties_broken_by_id_in_the_direction_of_the_last_key()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("five", T0, priority: 5);
        await scope.CreateDirectAsync("one", T0, priority: 1);
        await scope.CreateDirectAsync("otherFive", T0, priority: 5);
        await scope.CreateDirectAsync("three", T0, priority: 3);
        var fivesByIdAscending = ByIdAscending(scope, "five", "otherFive");

        await scope.ExpectOrderAsync("{ priority: ASC }", ["one", "three", .. fivesByIdAscending]);
        await scope.ExpectOrderAsync("{ priority: DESC }", [.. fivesByIdAscending.Reverse(), "three", "one"]);
    }

    [Fact]
    public async Task Tasks_sort_by_each_timestamp_both_ways()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var a = await scope.CreateDirectAsync("a", T0, start: T0.AddMinutes(30));
        var b = await scope.CreateDirectAsync("b", T0.AddSeconds(1), start: T0.AddMinutes(10));
        await scope.CreateDirectAsync("c", T0.AddSeconds(2), start: T0.AddMinutes(20));
        await scope.Driver.CancelAsync(a, T0.AddMinutes(40));
        await scope.Driver.CancelAsync(b, T0.AddMinutes(20));

        await scope.ExpectOrderAsync("{ creationTimestamp: ASC }", "a", "b", "c");
        await scope.ExpectOrderAsync("{ creationTimestamp: DESC }", "c", "b", "a");
        await scope.ExpectOrderAsync("{ startTimestamp: ASC }", "b", "c", "a");
        await scope.ExpectOrderAsync("{ startTimestamp: DESC }", "a", "c", "b");
        await scope.ExpectOrderAsync("{ statusChangedTimestamp: ASC }", "c", "b", "a");
        await scope.ExpectOrderAsync("{ statusChangedTimestamp: DESC }", "a", "b", "c");
        await scope.ExpectOrderAsync("{ updateTimestamp: ASC }", "c", "b", "a");
        await scope.ExpectOrderAsync("{ updateTimestamp: DESC }", "a", "b", "c");
    }

    [Fact]
    public async Task Tasks_sort_by_status_in_the_alphabetical_order_of_the_status_names()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, T0);
        var newOnes = ByIdAscending(scope, "new", "retry");

        await scope.ExpectOrderAsync("{ status: ASC }", ["canceled", "complete", "failed", "inProgress", .. newOnes, "retried"]);
        await scope.ExpectOrderAsync("{ status: DESC }", ["retried", .. newOnes.Reverse(), "inProgress", "failed", "complete", "canceled"]);
    }

    [Fact]
    public async Task Tasks_sort_by_function_name_both_ways()
    {
        var scope = await TaskScope.ByTagAsync(api);
        var names = new[] { await Setup.CreateFunctionAsync(api), await Setup.CreateFunctionAsync(api), await Setup.CreateFunctionAsync(api) };
        foreach (var name in names)
        {
            await scope.CreateDirectAsync(name, T0, function: name);
        }

        var ascending = Gql.Sorted(names);

        await scope.ExpectOrderAsync("{ functionName: ASC }", ascending);
        await scope.ExpectOrderAsync("{ functionName: DESC }", [.. ascending.Reverse()]);
    }

    [Fact]
    public async Task Tasks_sort_by_creator_with_missing_values_last_ascending_and_first_descending()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("ann", T0, user: "ann");
        await scope.CreateDirectAsync("bobReports", T0, user: "bob", application: "reports");
        await scope.CreateDirectAsync("billing", T0, user: null, application: "billing");
        await scope.CreateDirectAsync("carl", T0, user: "carl");
        var withoutApplication = ByIdAscending(scope, "ann", "carl");

        await scope.ExpectOrderAsync("{ createdByUserId: ASC }", "ann", "bobReports", "carl", "billing");
        await scope.ExpectOrderAsync("{ createdByUserId: DESC }", "billing", "carl", "bobReports", "ann");
        await scope.ExpectOrderAsync("{ createdByApplicationId: ASC }", ["billing", "bobReports", .. withoutApplication]);
        await scope.ExpectOrderAsync("{ createdByApplicationId: DESC }", [.. withoutApplication.Reverse(), "bobReports", "billing"]);
    }

    [Fact]
    public async Task Tasks_sort_by_error_type_and_name_with_tasks_without_an_error_last_ascending()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("none", T0);
        scope.Add("Bz", await scope.Driver.FailedAsync(scope.Function, T0, new TaskError("B", "z", "m")));
        scope.Add("Ay", await scope.Driver.FailedAsync(scope.Function, T0, new TaskError("A", "y", "m")));
        scope.Add("Bx", await scope.Driver.FailedAsync(scope.Function, T0, new TaskError("B", "x", "m")));

        await scope.ExpectOrderAsync("{ error: { type: ASC } }", ["Ay", .. ByIdAscending(scope, "Bz", "Bx"), "none"]);
        await scope.ExpectOrderAsync("[{ error: { type: ASC } }, { error: { name: DESC } }]", "Ay", "Bz", "Bx", "none");
        await scope.ExpectOrderAsync("[{ error: { type: DESC } }, { error: { name: ASC } }]", "none", "Bx", "Bz", "Ay");
        await scope.ExpectOrderAsync("{ error: { name: ASC } }", "Bx", "Ay", "Bz", "none");
        await scope.ExpectOrderAsync("{ error: { name: DESC } }", "none", "Bz", "Ay", "Bx");
    }

    [Fact]
    public async Task Several_sort_keys_apply_in_the_order_they_are_listed()
    {
        var scope = await SortKeyScopeAsync();

        await scope.ExpectOrderAsync("[{ priority: DESC }, { startTimestamp: ASC }]", "p9s4", "p5s1", "p5s3", "p1s2");
        await scope.ExpectOrderAsync("[{ startTimestamp: ASC }, { priority: DESC }]", "p5s1", "p1s2", "p5s3", "p9s4");
        await scope.ExpectOrderAsync("[{ priority: ASC }, { startTimestamp: DESC }]", "p1s2", "p5s3", "p5s1", "p9s4");
    }

    [Fact]
    public async Task A_single_sort_object_is_accepted_where_a_list_is_expected()
    {
        var scope = await SortKeyScopeAsync();

        await scope.ExpectOrderAsync("{ startTimestamp: DESC }", "p9s4", "p5s3", "p1s2", "p5s1");
        await scope.ExpectOrderAsync("[{ startTimestamp: DESC }]", "p9s4", "p5s3", "p1s2", "p5s1");
    }

    [Fact]
    public async Task Keys_after_the_id_change_nothing()
    {
        var scope = await SortKeyScopeAsync();
        var byId = scope.Labels(Gql.Sorted(new[] { "p5s3", "p5s1", "p1s2", "p9s4" }.Select(l => scope[l])));

        await scope.ExpectOrderAsync("[{ id: ASC }, { priority: DESC }]", byId);
    }

    private async Task<TaskScope> SortKeyScopeAsync()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("p5s3", T0, start: T0.AddHours(3), priority: 5);
        await scope.CreateDirectAsync("p5s1", T0, start: T0.AddHours(1), priority: 5);
        await scope.CreateDirectAsync("p1s2", T0, start: T0.AddHours(2), priority: 1);
        await scope.CreateDirectAsync("p9s4", T0, start: T0.AddHours(4), priority: 9);
        return scope;
    }

    private static string[] ByIdAscending(TaskScope scope, params string[] labels) =>
        [.. labels.OrderBy(l => scope[l], StringComparer.Ordinal)];
}
