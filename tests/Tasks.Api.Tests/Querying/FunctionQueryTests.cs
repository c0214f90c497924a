using System.Security.Cryptography;
using System.Text.Json;
using Tasks.Api.Authentication;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary><c>function(name)</c>, the fields of <c>Function</c> (code, environment names, masked history) and <c>functions</c>.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class FunctionQueryTests(ApiHost api)
{
    private const string CreateMutation =
        "mutation($input: CreateFunctionInput!) { createFunction(input: $input) { function { name } errors { code message field } } }";

    private const string Secret1 = "s3cr3t-value-one";
    private const string Secret2 = "postgres://user:pa55@db/secret-two";
    private const string Secret3 = "rotated-s3cr3t-three";

    [Fact]
    public async Task A_function_is_read_by_name_with_its_settings()
    {
        var name = "fq-" + Guid.NewGuid().ToString("N")[..12];
        await CreateAsync(new
        {
            name,
            description = "makes thumbnails",
            entryPoint = "src/index.handler",
            runtime = "python3.12",
            timeLimit = 90,
            memoryLimit = 512,
            executionPermission = "ALL_USERS",
            defaultPriority = 4,
            retryPolicy = new { enabled = true, errorsToRetry = new[] { "Timeout", "Throttled" } },
            enabled = false,
        });

        var response = await api.AdminAsync(
            "query($name: String!) { function(name: $name) { name description code { sha256 } entryPoint runtime timeLimit memoryLimit environmentVariableNames executionPermission defaultPriority retryPolicy { enabled errorsToRetry } enabled creationTimestamp updateTimestamp version } }",
            new { name });

        var function = response.At("function");
        Assert.Equal(name, function.GetProperty("name").GetString());
        Assert.Equal("makes thumbnails", function.GetProperty("description").GetString());
        Assert.Equal(JsonValueKind.Null, function.GetProperty("code").ValueKind);
        Assert.Equal("src/index.handler", function.GetProperty("entryPoint").GetString());
        Assert.Equal("python3.12", function.GetProperty("runtime").GetString());
        Assert.Equal(90, function.GetProperty("timeLimit").GetInt32());
        Assert.Equal(512, function.GetProperty("memoryLimit").GetInt32());
        Assert.Empty(function.GetProperty("environmentVariableNames").EnumerateArray());
        Assert.Equal("ALL_USERS", function.GetProperty("executionPermission").GetString());
        Assert.Equal(4, function.GetProperty("defaultPriority").GetInt32());
        Assert.True(function.GetProperty("retryPolicy").GetProperty("enabled").GetBoolean());
        Assert.Equal(["Timeout", "Throttled"], Gql.Strings(function.GetProperty("retryPolicy").GetProperty("errorsToRetry")));
        Assert.False(function.GetProperty("enabled").GetBoolean());
        Assert.Equal(function.GetProperty("creationTimestamp").GetString(), function.GetProperty("updateTimestamp").GetString());
        Assert.Equal(1, function.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_function_created_with_defaults_reads_with_them()
    {
        var name = await CreateAsync(new { name = "fq-" + Guid.NewGuid().ToString("N")[..12], entryPoint = "index.handler", runtime = "nodejs22.x" });

        var response = await api.AdminAsync(
            "query($name: String!) { function(name: $name) { description timeLimit memoryLimit executionPermission defaultPriority retryPolicy { enabled errorsToRetry } enabled } }",
            new { name });

        Assert.Equal(
            """{"description":null,"timeLimit":30,"memoryLimit":128,"executionPermission":"PERMISSION_REQUIRED","defaultPriority":null,"retryPolicy":{"enabled":false,"errorsToRetry":[]},"enabled":true}""",
            response.At("function").GetRawText());
    }

    [Fact]
    public async Task An_unknown_or_deleted_function_reads_as_null()
    {
        var name = await Setup.CreateFunctionAsync(api);
        var deleted = await api.AdminAsync("mutation($name: String!) { deleteFunction(input: { name: $name }) { errors { code } } }", new { name });
        Assert.Empty(deleted.At("deleteFunction.errors").EnumerateArray());

        var response = await api.AdminAsync(
            "query($name: String!) { deleted: function(name: $name) { name } unknown: function(name: \"no-such-function-here\") { name } functions(where: { name: { eq: $name } }) { nodes { name } totalCount } }",
            new { name });

        Assert.Equal(JsonValueKind.Null, response.At("deleted").ValueKind);
        Assert.Equal(JsonValueKind.Null, response.At("unknown").ValueKind);
        Assert.Empty(response.At("functions.nodes").EnumerateArray());
        Assert.Equal(0, response.At("functions.totalCount").GetInt64());
    }

    [Fact]
    public async Task A_function_is_found_by_its_name_in_another_case_as_names_compare_case_insensitively()
    {
        var name = await Setup.CreateFunctionAsync(api);
        var again = await api.AdminAsync(CreateMutation, new { input = new { name = name.ToUpperInvariant(), entryPoint = "index.handler", runtime = "nodejs22.x" } });
        Assert.Equal("ALREADY_EXISTS", again.At("createFunction.errors.0.code").GetString());

        var response = await api.AdminAsync("query($name: String!) { function(name: $name) { name } }", new { name = name.ToUpperInvariant() });

        Assert.Equal(name, response.At("function.name").GetString());
    }

    [Fact]
    public async Task The_code_of_a_function_is_described_by_the_sha256_and_size_of_the_uploaded_package()
    {
        byte[] package = [0x50, 0x4b, 0x03, 0x04, .. "index.js: exports.handler = async () => 42;"u8.ToArray()];
        var name = await CreateAsync(new { name = "fq-" + Guid.NewGuid().ToString("N")[..12], entryPoint = "index.handler", runtime = "nodejs22.x", code = Convert.ToBase64String(package) });

        var response = await api.AdminAsync("query($name: String!) { function(name: $name) { code { sha256 sizeBytes } } }", new { name });

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(package)), response.At("function.code.sha256").GetString());
        Assert.Equal(package.Length, response.At("function.code.sizeBytes").GetInt64());
    }

    [Fact]
    public async Task Environment_variables_read_as_their_names_only_never_their_values()
    {
        var name = await CreateAsync(new
        {
            name = "fq-" + Guid.NewGuid().ToString("N")[..12],
            entryPoint = "index.handler",
            runtime = "nodejs22.x",
            environment = new[] { new { name = "DB_URL", value = Secret2 }, new { name = "API_KEY", value = Secret1 } },
        });

        var response = await api.AdminAsync(
            "query($name: String!) { function(name: $name) { environmentVariableNames } functions(where: { name: { eq: $name } }) { nodes { environmentVariableNames } } }",
            new { name });

        Assert.Equal(["API_KEY", "DB_URL"], Gql.Strings(response.At("function.environmentVariableNames")));
        Assert.Equal(["API_KEY", "DB_URL"], Gql.Strings(response.At("functions.nodes.0.environmentVariableNames")));
        Assert.DoesNotContain(Secret1, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_history_of_a_function_lists_its_changes_with_every_environment_value_masked()
    {
        var name = await CreateAsync(new
        {
            name = "fq-" + Guid.NewGuid().ToString("N")[..12],
            entryPoint = "index.handler",
            runtime = "nodejs22.x",
            environment = new[] { new { name = "API_KEY", value = Secret1 }, new { name = "DB_URL", value = Secret2 } },
        });
        var updated = await api.AdminAsync(
            "mutation($name: String!, $value: String!) { updateFunction(input: { name: $name, timeLimit: 45, environment: [{ name: \"API_KEY\", value: $value }] }) { errors { code message } } }",
            new { name, value = Secret3 });
        Assert.Empty(updated.At("updateFunction.errors").EnumerateArray());
        await api.AdminAsync("mutation($name: String!) { disableFunction(input: { name: $name }) { errors { code } } }", new { name });
        await api.PostAsync(api.Token([Permissions.UpdateTaskFunction], "u-enabler"), "mutation($name: String!) { enableFunction(input: { name: $name }) { errors { code } } }", new { name });

        var response = await api.AdminAsync(
            "query($name: String!) { function(name: $name) { version history { type version timestamp actor { userId } correlationId data } } }",
            new { name });

        var events = response.At("function.history").EnumerateArray().ToArray();
        Assert.Equal(["function-registered", "function-updated", "function-disabled", "function-enabled"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal([1, 2, 3, 4], events.Select(e => e.GetProperty("version").GetInt32()));
        Assert.Equal(4, response.At("function.version").GetInt32());
        Assert.Equal(["admin", "admin", "admin", "u-enabler"], events.Select(e => e.GetProperty("actor").GetProperty("userId").GetString()));
        Assert.All(events, e => Assert.NotEqual(JsonValueKind.Null, e.GetProperty("correlationId").ValueKind));

        var registered = events[0].GetProperty("data").GetProperty("definition");
        Assert.Equal(name, registered.GetProperty("name").GetString());
        Assert.Equal(["API_KEY=***", "DB_URL=***"], Entries(registered.GetProperty("environment")));
        var update = events[1].GetProperty("data").GetProperty("definition");
        Assert.Equal(45, update.GetProperty("timeLimit").GetInt32());
        Assert.Equal(["API_KEY=***"], Entries(update.GetProperty("environment")));

        Assert.DoesNotContain(Secret1, response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret3, response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Function_details_need_view_task_function_details()
    {
        var name = await CreateAsync(new { name = "fq-" + Guid.NewGuid().ToString("N")[..12], entryPoint = "index.handler", runtime = "nodejs22.x", code = Convert.ToBase64String([1, 2, 3]) });
        var token = api.Token([Permissions.ViewTaskFunctions]);

        var listing = await api.PostAsync(token, "query($name: String!) { function(name: $name) { name runtime } }", new { name });
        var code = await api.PostAsync(token, "query($name: String!) { function(name: $name) { name code { sha256 } } }", new { name });
        var environment = await api.PostAsync(token, "query($name: String!) { function(name: $name) { environmentVariableNames } }", new { name });
        var history = await api.PostAsync(token, "query($name: String!) { function(name: $name) { history { type } } }", new { name });
        var none = await api.PostAsync(api.Token([Permissions.ViewTasks]), "{ functions { nodes { name } } }");

        Assert.Equal(name, listing.At("function.name").GetString());
        Assert.Equal(["FORBIDDEN"], code.ErrorCodes);
        Assert.Equal(name, code.Data.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, code.Data.GetProperty("function").GetProperty("code").ValueKind);
        Assert.Equal(["FORBIDDEN"], environment.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], history.ErrorCodes);
        Assert.Equal(["FORBIDDEN"], none.ErrorCodes);
    }

    [Fact]
    public async Task Functions_are_filtered_by_every_field()
    {
        var set = await FunctionSetAsync();

        await set.ExpectAsync("{ name: { eq: \"P-b\" } }", "b");
        await set.ExpectAsync("{ name: { gt: \"P-b\" } }", "c", "d");
        await set.ExpectAsync("{ name: { in: [\"P-a\", \"P-d\"] } }", "a", "d");
        await set.ExpectAsync("{ name: { like: \"P-?\" } }", "a", "b", "c", "d");
        await set.ExpectAsync("""{ description: { contains: "nightly" } }""", "a", "d");
        await set.ExpectAsync("""{ description: { ncontains: "nightly" } }""", "b", "c");
        await set.ExpectAsync("""{ description: { eq: null } }""", "b");
        await set.ExpectAsync("""{ description: { neq: null } }""", "a", "c", "d");
        await set.ExpectAsync("""{ description: { like: "* report" } }""", "a");
        await set.ExpectAsync("""{ runtime: { eq: "python3.12" } }""", "b");
        await set.ExpectAsync("""{ runtime: { startsWith: "nodejs" } }""", "a", "c");
        await set.ExpectAsync("""{ runtime: { nin: ["java21"] } }""", "a", "b", "c");
        await set.ExpectAsync("{ timeLimit: { gt: 30 } }", "b", "c");
        await set.ExpectAsync("{ timeLimit: { lte: 30 } }", "a", "d");
        await set.ExpectAsync("{ timeLimit: { in: [10, 300] } }", "c", "d");
        await set.ExpectAsync("{ memoryLimit: { gte: 256 } }", "b", "c", "d");
        await set.ExpectAsync("{ memoryLimit: { lt: 512, neq: 128 } }", "b");
        await set.ExpectAsync("{ executionPermission: { eq: PUBLIC } }", "b", "d");
        await set.ExpectAsync("{ executionPermission: { neq: PUBLIC } }", "a", "c");
        await set.ExpectAsync("{ executionPermission: { in: [ALL_USERS, PERMISSION_REQUIRED] } }", "a", "c");
        await set.ExpectAsync("{ executionPermission: { nin: [PUBLIC, ALL_USERS] } }", "a");
        await set.ExpectAsync("{ defaultPriority: { eq: null } }", "a");
        await set.ExpectAsync("{ defaultPriority: { eq: 5 } }", "b", "d");
        await set.ExpectAsync("{ defaultPriority: { neq: 5 } }", "a", "c");
        await set.ExpectAsync("{ defaultPriority: { nin: [1] } }", "a", "b", "d");
        await set.ExpectAsync("{ defaultPriority: { gt: 1 } }", "b", "d");
        await set.ExpectAsync("{ enabled: { eq: false } }", "b");
        await set.ExpectAsync("{ enabled: { neq: false } }", "a", "c", "d");
        await set.ExpectAsync($"{{ creationTimestamp: {{ gte: {Gql.Quote(Gql.Iso(set.BeforeD))} }} }}", "d");
        await set.ExpectAsync($"{{ creationTimestamp: {{ lt: {Gql.Quote(Gql.Iso(set.BeforeD))} }} }}", "a", "b", "c");
        await set.ExpectAsync($"{{ updateTimestamp: {{ gt: {Gql.Quote(Gql.Iso(set.BeforeUpdate))} }} }}", "a");
        await set.ExpectAsync($"{{ updateTimestamp: {{ lte: {Gql.Quote(Gql.Iso(set.BeforeUpdate))} }} }}", "b", "c", "d");
        await set.ExpectAsync("{ or: [{ enabled: { eq: false } }, { timeLimit: { gt: 100 } }] }", "b", "c");
        await set.ExpectAsync("{ not: { executionPermission: { eq: PUBLIC } } }", "a", "c");
        await set.ExpectAsync("{ not: { defaultPriority: { eq: 5 } } }", "a", "c");
    }

    [Fact]
    public async Task Functions_sort_by_name_by_default_and_by_every_sortable_field_with_ties_broken_by_name()
    {
        var set = await FunctionSetAsync();

        await set.ExpectOrderAsync(null, "a", "b", "c", "d");
        await set.ExpectOrderAsync("{ name: DESC }", "d", "c", "b", "a");
        await set.ExpectOrderAsync("{ timeLimit: ASC }", "d", "a", "b", "c");
        await set.ExpectOrderAsync("{ timeLimit: DESC }", "c", "b", "a", "d");
        await set.ExpectOrderAsync("{ memoryLimit: DESC }", "d", "c", "b", "a");
        await set.ExpectOrderAsync("{ runtime: ASC }", "d", "c", "a", "b");
        await set.ExpectOrderAsync("{ executionPermission: ASC }", "c", "a", "b", "d");
        await set.ExpectOrderAsync("{ executionPermission: DESC }", "d", "b", "a", "c");
        await set.ExpectOrderAsync("{ defaultPriority: ASC }", "c", "b", "d", "a");
        await set.ExpectOrderAsync("{ defaultPriority: DESC }", "a", "d", "b", "c");
        await set.ExpectOrderAsync("{ enabled: ASC }", "b", "a", "c", "d");
        await set.ExpectOrderAsync("{ enabled: DESC }", "d", "c", "a", "b");
        await set.ExpectOrderAsync("{ creationTimestamp: ASC }", "a", "b", "c", "d");
        await set.ExpectOrderAsync("{ creationTimestamp: DESC }", "d", "c", "b", "a");
        await set.ExpectOrderAsync("{ updateTimestamp: ASC }", "b", "c", "d", "a");
        await set.ExpectOrderAsync("[{ executionPermission: DESC }, { timeLimit: ASC }]", "d", "b", "a", "c");
    }

    [Fact]
    public async Task Functions_page_forward_and_backward_with_a_total_count()
    {
        var set = await FunctionSetAsync();
        const string Query =
            "query($where: FunctionFilterInput, $first: Int, $after: String, $last: Int, $before: String) { functions(where: $where, first: $first, after: $after, last: $last, before: $before) { totalCount nodes { name } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }";
        var where = new { name = new { startsWith = set.Prefix } };

        var first = await api.AdminAsync(Query, new { where, first = 2 });
        var second = await api.AdminAsync(Query, new { where, first = 2, after = first.At("functions.pageInfo.endCursor").GetString() });
        var last = await api.AdminAsync(Query, new { where, last = 3 });
        var beforeLast = await api.AdminAsync(Query, new { where, last = 3, before = last.At("functions.pageInfo.startCursor").GetString() });

        Assert.Equal(["a", "b"], set.Labels(first.At("functions.nodes")));
        Assert.True(first.At("functions.pageInfo.hasNextPage").GetBoolean());
        Assert.Equal(["c", "d"], set.Labels(second.At("functions.nodes")));
        Assert.False(second.At("functions.pageInfo.hasNextPage").GetBoolean());
        Assert.True(second.At("functions.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Equal(4, second.At("functions.totalCount").GetInt64());
        Assert.Equal(["b", "c", "d"], set.Labels(last.At("functions.nodes")));
        Assert.True(last.At("functions.pageInfo.hasPreviousPage").GetBoolean());
        Assert.Equal(["a"], set.Labels(beforeLast.At("functions.nodes")));
        Assert.False(beforeLast.At("functions.pageInfo.hasPreviousPage").GetBoolean());
    }

    [Fact]
    public async Task Function_list_arguments_are_validated_like_task_list_arguments()
    {
        var tooMany = await api.AdminAsync("{ functions(first: 51) { nodes { name } } }");
        var emptySort = await api.AdminAsync("{ functions(order: [{ timeLimit: ASC }, {}]) { nodes { name } } }");
        var badCursor = await api.AdminAsync("{ functions(after: \"nope!\") { nodes { name } } }");

        Gql.AssertValidation(tooMany, "first");
        Gql.AssertValidation(emptySort, "order[1]");
        Gql.AssertValidation(badCursor, "after");
    }

    private static string[] Entries(JsonElement environment) =>
        Gql.Sorted(environment.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()));

    private async Task<string> CreateAsync(object input)
    {
        var response = await api.AdminAsync(CreateMutation, new { input });
        Assert.True(response.At("createFunction.errors").GetArrayLength() == 0, response.Text);
        return response.At("createFunction.function.name").GetString()!;
    }

    private async Task<FunctionSet> FunctionSetAsync()
    {
        var prefix = "fs" + Guid.NewGuid().ToString("N")[..10];
        await CreateAsync(new { name = prefix + "-a", entryPoint = "a.h", runtime = "nodejs22.x", timeLimit = 30, memoryLimit = 128, executionPermission = "PERMISSION_REQUIRED", description = "nightly report" });
        await CreateAsync(new { name = prefix + "-b", entryPoint = "b.h", runtime = "python3.12", timeLimit = 60, memoryLimit = 256, executionPermission = "PUBLIC", defaultPriority = 5, enabled = false });
        await CreateAsync(new { name = prefix + "-c", entryPoint = "c.h", runtime = "nodejs20.x", timeLimit = 300, memoryLimit = 512, executionPermission = "ALL_USERS", defaultPriority = 1, description = "hourly sync" });
        await Task.Delay(20);
        var beforeD = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await CreateAsync(new { name = prefix + "-d", entryPoint = "d.h", runtime = "java21", timeLimit = 10, memoryLimit = 1024, executionPermission = "PUBLIC", defaultPriority = 5, description = "nightly cleanup" });
        await Task.Delay(20);
        var beforeUpdate = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        var updated = await api.AdminAsync("mutation($name: String!) { updateFunction(input: { name: $name, entryPoint: \"a2.h\" }) { errors { code message } } }", new { name = prefix + "-a" });
        Assert.Empty(updated.At("updateFunction.errors").EnumerateArray());
        return new FunctionSet(api, prefix, beforeD, beforeUpdate);
    }

    /// <summary>Four functions named prefix-a … prefix-d; queries see only them and answer with the letters.</summary>
    private sealed class FunctionSet(ApiHost api, string prefix, DateTimeOffset beforeD, DateTimeOffset beforeUpdate)
    {
        public string Prefix => prefix;

        public DateTimeOffset BeforeD => beforeD;

        public DateTimeOffset BeforeUpdate => beforeUpdate;

        public string[] Labels(JsonElement nodes) =>
            [.. nodes.EnumerateArray().Select(n => n.GetProperty("name").GetString()!).Select(n => n.StartsWith(prefix + "-", StringComparison.Ordinal) ? n[(prefix.Length + 1)..] : "foreign:" + n)];

        public async Task ExpectAsync(string filter, params string[] expected)
        {
            // "P-" in a filter stands for the set's prefix.
            filter = filter.Replace("\"P-", "\"" + prefix + "-", StringComparison.Ordinal);
            var response = await api.AdminAsync($"{{ functions(where: {{ and: [{{ name: {{ startsWith: {Gql.Quote(prefix)} }} }}, {filter}] }}, first: 50) {{ nodes {{ name }} }} }}");
            var actual = Gql.Sorted(Labels(response.At("functions.nodes")));
            Assert.True(Gql.Sorted(expected).SequenceEqual(actual), $"where {filter}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
        }

        public async Task ExpectOrderAsync(string? order, params string[] expected)
        {
            var orderArgument = order is null ? "" : $", order: {order}";
            var response = await api.AdminAsync($"{{ functions(where: {{ name: {{ startsWith: {Gql.Quote(prefix)} }} }}{orderArgument}, first: 50) {{ nodes {{ name }} }} }}");
            var actual = Labels(response.At("functions.nodes"));
            Assert.True(expected.SequenceEqual(actual), $"order {order}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
        }
    }
}
