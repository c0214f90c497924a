using System.Text.Json;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary>
/// One test's own tasks, each known by a label, and queries that see only them: every query is and-ed with the
/// scope's isolation filter (its own function, or its own tag), so tests sharing the host never see each other's data.
/// Results come back as labels, so assertions and their messages read as sets of names.
/// </summary>
internal sealed class TaskScope
{
    private readonly ApiHost api;
    private readonly Dictionary<string, string> idsByLabel = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> labelsById = new(StringComparer.Ordinal);
    private readonly string? tag;

    private TaskScope(ApiHost api, string function, string? tag)
    {
        this.api = api;
        this.tag = tag;
        Function = function;
        Driver = new TaskDriver(api);
        Isolation = tag is null
            ? $"{{ functionName: {{ eq: {Gql.Quote(function)} }} }}"
            : $"{{ tags: {{ some: {{ eq: {Gql.Quote(tag)} }} }} }}";
        IsolationVariable = tag is null
            ? new Dictionary<string, object?> { ["functionName"] = new Dictionary<string, object?> { ["eq"] = function } }
            : new Dictionary<string, object?> { ["tags"] = new Dictionary<string, object?> { ["some"] = new Dictionary<string, object?> { ["eq"] = tag } } };
    }

    /// <summary>The function the scope's tasks run by default (made for the scope).</summary>
    public string Function { get; }

    /// <summary>The scope's own tag, when it isolates by tag; every task it creates carries it.</summary>
    public string? Tag => tag;

    /// <summary>Runs domain commands on the service.</summary>
    public TaskDriver Driver { get; }

    /// <summary>The filter (GraphQL literal) that keeps only this scope's tasks.</summary>
    public string Isolation { get; }

    /// <summary>The same filter as a variable value.</summary>
    public object IsolationVariable { get; }

    /// <summary>A scope isolated by a function made for it.</summary>
    public static async Task<TaskScope> ByFunctionAsync(ApiHost api) => new(api, await Setup.CreateFunctionAsync(api), null);

    /// <summary>A scope isolated by a tag made for it (for tests that need several functions).</summary>
    public static async Task<TaskScope> ByTagAsync(ApiHost api) =>
        new(api, await Setup.CreateFunctionAsync(api), "scope-" + Guid.NewGuid().ToString("N"));

    /// <summary>The id of the task labelled <paramref name="label"/>.</summary>
    public string this[string label] => idsByLabel[label];

    /// <summary>The label of a task id (foreign ids are shown as such, so a leak fails loudly).</summary>
    public string Label(string id) => labelsById.TryGetValue(id, out var label) ? label : "foreign:" + id;

    /// <summary>Names a task.</summary>
    public string Add(string label, string id)
    {
        idsByLabel.Add(label, id);
        labelsById.Add(id, label);
        return id;
    }

    /// <summary>The scope's tags for a new task: the given ones, plus the scope's own tag when it isolates by tag.</summary>
    public string[] TagsFor(string[]? tags) => tag is null ? tags ?? [] : [.. tags ?? [], tag];

    /// <summary>Creates a task through the API (createTask) and labels it.</summary>
    public async Task<string> CreateAsync(
        string label,
        int? priority = null,
        string[]? tags = null,
        string? startTimestamp = null,
        string? token = null,
        string? function = null)
    {
        var response = await api.PostAsync(
            token ?? api.AdminToken(),
            "mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } errors { code message field } } }",
            new { input = new { functionName = function ?? Function, priority, tags = TagsFor(tags), startTimestamp } });
        return Add(label, response.At("createTask.task.id").GetString()!);
    }

    /// <summary>Creates a task through the domain at a chosen instant and labels it.</summary>
    public async Task<string> CreateDirectAsync(
        string label,
        DateTimeOffset at,
        DateTimeOffset? start = null,
        int priority = 0,
        string[]? tags = null,
        string? user = "driver",
        string? application = null,
        string? function = null) =>
        Add(label, await Driver.CreateAsync(function ?? Function, at, start, priority, TagsFor(tags), user, application));

    /// <summary>The labels of the scope's tasks matching <paramref name="filter"/> (a GraphQL literal), sorted.</summary>
    public async Task<string[]> MatchAsync(string filter)
    {
        var response = await api.AdminAsync($"{{ tasks(where: {{ and: [{Isolation}, {filter}] }}, first: 50) {{ nodes {{ id }} }} }}");
        return Gql.Sorted(Gql.Ids(response.At("tasks.nodes")).Select(Label));
    }

    /// <summary>The labels of the scope's tasks matching <paramref name="filter"/> (sent as a variable), sorted.</summary>
    public async Task<string[]> MatchVariableAsync(object filter)
    {
        var where = new Dictionary<string, object?> { ["and"] = new[] { IsolationVariable, filter } };
        var response = await api.AdminAsync("query($where: TaskFilterInput) { tasks(where: $where, first: 50) { nodes { id } } }", new { where });
        return Gql.Sorted(Gql.Ids(response.At("tasks.nodes")).Select(Label));
    }

    /// <summary>Asserts which of the scope's tasks <paramref name="filter"/> keeps.</summary>
    public async Task ExpectAsync(string filter, params string[] expected)
    {
        var actual = await MatchAsync(filter);
        var wanted = Gql.Sorted(expected);
        Assert.True(wanted.SequenceEqual(actual), $"where {filter}: expected [{string.Join(", ", wanted)}] but got [{string.Join(", ", actual)}]");
    }

    /// <summary>Asserts which of the scope's tasks <paramref name="filter"/>, sent as a variable, keeps.</summary>
    public async Task ExpectVariableAsync(object filter, params string[] expected)
    {
        var actual = await MatchVariableAsync(filter);
        var wanted = Gql.Sorted(expected);
        Assert.True(
            wanted.SequenceEqual(actual),
            $"where {JsonSerializer.Serialize(filter)}: expected [{string.Join(", ", wanted)}] but got [{string.Join(", ", actual)}]");
    }

    /// <summary>The labels of the scope's tasks in the order <paramref name="order"/> (a GraphQL literal) gives.</summary>
    public async Task<string[]> OrderAsync(string order, string? filter = null)
    {
        var where = filter is null ? Isolation : $"{{ and: [{Isolation}, {filter}] }}";
        var response = await api.AdminAsync($"{{ tasks(where: {where}, order: {order}, first: 50) {{ nodes {{ id }} }} }}");
        return [.. Gql.Ids(response.At("tasks.nodes")).Select(Label)];
    }

    /// <summary>Asserts the order <paramref name="order"/> gives the scope's tasks.</summary>
    public async Task ExpectOrderAsync(string order, params string[] expected)
    {
        var actual = await OrderAsync(order);
        Assert.True(expected.SequenceEqual(actual), $"order {order}: expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
    }

    /// <summary>The labels of <paramref name="ids"/>, in order.</summary>
    public string[] Labels(IEnumerable<string> ids) => [.. ids.Select(Label)];
}
