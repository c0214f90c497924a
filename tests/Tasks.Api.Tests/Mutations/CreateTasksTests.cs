using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class CreateTasksTests(ApiHost api)
{
    private const string CreateTasks =
        "mutation($input: CreateTasksInput!) { createTasks(input: $input) { createdCount failedCount results { index task { id functionName priority data } "
        + Payloads.ErrorFields + " } } }";

    [Fact]
    public async Task A_batch_of_1000_tasks_is_created_with_one_result_per_item_in_order()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var items = Enumerable.Range(0, 1000).Select(i => new { functionName = function, data = new { n = i } }).ToArray();

        var response = await api.AdminAsync(CreateTasks, new { input = new { tasks = items } });

        Assert.Equal(1000, response.At("createTasks.createdCount").GetInt32());
        Assert.Equal(0, response.At("createTasks.failedCount").GetInt32());
        var results = response.At("createTasks.results").EnumerateArray().ToList();
        Assert.Equal(1000, results.Count);
        for (var i = 0; i < results.Count; i++)
        {
            Assert.Equal(i, results[i].GetProperty("index").GetInt32());
            Assert.Equal(i, results[i].GetProperty("task").GetProperty("data").GetProperty("n").GetInt32());
            Payloads.NoErrors(results[i].GetProperty("errors"));
        }

        Assert.Equal(1000, results.Select(r => r.GetProperty("task").GetProperty("id").GetString()).Distinct().Count());
        var count = await api.AdminAsync("query($f: String!) { tasks(where: { functionName: { eq: $f } }) { totalCount } }", new { f = function });
        Assert.Equal(1000, count.At("tasks.totalCount").GetInt64());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task A_batch_of_no_tasks_or_more_than_1000_is_a_validation_graphql_error(int size)
    {
        var function = await Setup.CreateFunctionAsync(api);
        var items = Enumerable.Range(0, size).Select(_ => new { functionName = function }).ToArray();

        var response = await api.AdminAsync(CreateTasks, new { input = new { tasks = items } });

        var error = Payloads.SingleGraphQLError(response);
        Assert.Equal("VALIDATION", Payloads.Code(error));
        Assert.Equal("createTasks", Payloads.Path(error));
        var count = await api.AdminAsync("query($f: String!) { tasks(where: { functionName: { eq: $f } }) { totalCount } }", new { f = function });
        Assert.Equal(0, count.At("tasks.totalCount").GetInt64());
    }

    [Fact]
    public async Task In_a_mixed_batch_valid_items_are_created_and_each_invalid_item_gets_its_own_errors_at_its_index()
    {
        var function = await Setup.CreateFunctionAsync(api, defaultPriority: 5);
        var missing = Payloads.UniqueName("missing");
        var items = new object[]
        {
            new { functionName = function, data = new { n = 0 } },
            new { functionName = missing },
            new { functionName = function, data = new[] { 1, 2 } },
            new { functionName = function, tags = new[] { "" } },
            new { functionName = function, data = new { n = 4 }, priority = 9 },
        };

        var response = await api.AdminAsync(CreateTasks, new { input = new { tasks = items } });

        Assert.Equal(2, response.At("createTasks.createdCount").GetInt32());
        Assert.Equal(3, response.At("createTasks.failedCount").GetInt32());
        var results = response.At("createTasks.results").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.GetProperty("index").GetInt32()));

        Payloads.NoErrors(results[0].GetProperty("errors"));
        Assert.Equal(0, results[0].GetProperty("task").GetProperty("data").GetProperty("n").GetInt32());
        Assert.Equal(5, results[0].GetProperty("task").GetProperty("priority").GetInt32());

        var notFound = Payloads.SingleError(results[1].GetProperty("errors"), "NotFoundError", "NOT_FOUND", "functionName");
        Assert.Equal("function", notFound.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(results[1].GetProperty("task")));

        Payloads.SingleError(results[2].GetProperty("errors"), "ValidationError", "VALIDATION", "data");
        Assert.True(Payloads.IsNull(results[2].GetProperty("task")));

        Payloads.SingleError(results[3].GetProperty("errors"), "ValidationError", "VALIDATION", "tags");
        Assert.True(Payloads.IsNull(results[3].GetProperty("task")));

        Payloads.NoErrors(results[4].GetProperty("errors"));
        Assert.Equal(9, results[4].GetProperty("task").GetProperty("priority").GetInt32());

        var count = await api.AdminAsync("query($f: String!) { tasks(where: { functionName: { eq: $f } }) { totalCount } }", new { f = function });
        Assert.Equal(2, count.At("tasks.totalCount").GetInt64());
    }

    [Fact]
    public async Task A_caller_chosen_id_given_twice_in_one_batch_creates_the_first_item_and_refuses_the_second()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = Guid.NewGuid().ToString();
        var items = new object[]
        {
            new { id, functionName = function, data = new { n = 0 } },
            new { functionName = function, data = new { n = 1 } },
            new { id, functionName = function, data = new { n = 2 } },
        };

        var response = await api.AdminAsync(CreateTasks, new { input = new { tasks = items } });

        Assert.Equal(2, response.At("createTasks.createdCount").GetInt32());
        Assert.Equal(1, response.At("createTasks.failedCount").GetInt32());
        var results = response.At("createTasks.results").EnumerateArray().ToList();
        Assert.Equal(id, results[0].GetProperty("task").GetProperty("id").GetString());
        Payloads.NoErrors(results[1].GetProperty("errors"));
        var error = Payloads.SingleError(results[2].GetProperty("errors"), "AlreadyExistsError", "ALREADY_EXISTS", "id");
        Assert.Equal("task", error.GetProperty("entity").GetString());
        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { data version } }", new { id });
        Assert.Equal(0, read.At("task.data.n").GetInt32());
        Assert.Equal(1, read.At("task.version").GetInt32());
    }

    [Fact]
    public async Task A_caller_chosen_id_that_exists_already_costs_only_its_own_item()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var existing = await Setup.CreateTaskAsync(api, function);
        var items = new object[]
        {
            new { functionName = function, data = new { n = 0 } },
            new { id = existing, functionName = function, data = new { n = 1 } },
            new { functionName = function, data = new { n = 2 } },
        };

        var response = await api.AdminAsync(CreateTasks, new { input = new { tasks = items } });

        Assert.Equal(2, response.At("createTasks.createdCount").GetInt32());
        Assert.Equal(1, response.At("createTasks.failedCount").GetInt32());
        var results = response.At("createTasks.results").EnumerateArray().ToList();
        Payloads.NoErrors(results[0].GetProperty("errors"));
        Payloads.SingleError(results[1].GetProperty("errors"), "AlreadyExistsError", "ALREADY_EXISTS", "id");
        Payloads.NoErrors(results[2].GetProperty("errors"));
        var count = await api.AdminAsync("query($f: String!) { tasks(where: { functionName: { eq: $f } }) { totalCount } }", new { f = function });
        Assert.Equal(3, count.At("tasks.totalCount").GetInt64());
    }
}
