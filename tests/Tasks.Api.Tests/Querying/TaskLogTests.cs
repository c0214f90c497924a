using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tasks.Api.Authentication;
using Tasks.Api.Tests.Support;
using Tasks.Projections.Logs;

namespace Tasks.Api.Tests.Querying;

/// <summary><c>Task.logs(from, to, first)</c> over lines written with the service's own log store.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskLogTests(ApiHost api)
{
    private const string LogsQuery =
        "query($id: UUID!, $from: DateTime, $to: DateTime, $first: Int) { task(id: $id) { logs(from: $from, to: $to, first: $first) { timestamp message } } }";

    private static readonly DateTimeOffset L0 = new(2030, 8, 1, 12, 0, 0, TimeSpan.Zero);

    private TaskLogStore Logs => api.Factory.Services.GetRequiredService<TaskLogStore>();

    [Fact]
    public async Task Log_lines_read_back_oldest_first_with_their_timestamps()
    {
        var id = await TaskWithLinesAsync();

        var response = await api.AdminAsync("query($id: UUID!) { task(id: $id) { logs { timestamp message } } }", new { id });

        var lines = response.At("task.logs").EnumerateArray().ToArray();
        Assert.Equal(["line 0", "line 1", "line 2", "line 3", "line 4"], lines.Select(l => l.GetProperty("message").GetString()));
        Assert.Equal(L0, Gql.Instant(lines[0].GetProperty("timestamp")));
        Assert.Equal(L0.AddSeconds(4), Gql.Instant(lines[4].GetProperty("timestamp")));
    }

    [Fact]
    public async Task Log_lines_are_filtered_to_from_inclusive_and_to_exclusive()
    {
        var id = await TaskWithLinesAsync();

        Assert.Equal(["line 1", "line 2"], await MessagesAsync(id, from: L0.AddSeconds(1), to: L0.AddSeconds(3)));
        Assert.Equal(["line 3", "line 4"], await MessagesAsync(id, from: L0.AddSeconds(3)));
        Assert.Equal(["line 0"], await MessagesAsync(id, to: L0.AddSeconds(1)));
        Assert.Equal(["line 2"], await MessagesAsync(id, from: L0.AddSeconds(1.5), to: L0.AddSeconds(2.5)));
        Assert.Empty(await MessagesAsync(id, from: L0.AddSeconds(2), to: L0.AddSeconds(2)));
        Assert.Empty(await MessagesAsync(id, from: L0.AddSeconds(10)));
    }

    [Fact]
    public async Task Log_bounds_given_with_another_offset_are_the_same_instants()
    {
        var id = await TaskWithLinesAsync();
        var from = L0.AddSeconds(1).ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);
        var to = L0.AddSeconds(3).ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture);

        var response = await api.AdminAsync(LogsQuery, new { id, from, to, first = (int?)null });

        Assert.Equal(["line 1", "line 2"], response.At("task.logs").EnumerateArray().Select(l => l.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Log_lines_are_limited_by_first_counting_from_the_oldest()
    {
        var id = await TaskWithLinesAsync();

        Assert.Equal(["line 0", "line 1"], await MessagesAsync(id, first: 2));
        Assert.Equal(["line 2"], await MessagesAsync(id, from: L0.AddSeconds(2), first: 1));
        Assert.Equal(5, (await MessagesAsync(id, first: 1_000)).Length);
    }

    [Fact]
    public async Task At_most_a_hundred_lines_are_read_unless_first_asks_for_up_to_a_thousand()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        await Logs.AppendAsync(Guid.Parse(id), [.. Enumerable.Range(0, 101).Select(i => new TaskLogLine(L0.AddMilliseconds(i), "line " + i))]);

        var byDefault = await api.AdminAsync("query($id: UUID!) { task(id: $id) { logs { message } } }", new { id });
        var asked = await MessagesAsync(id, first: 1_000);

        var defaultLines = byDefault.At("task.logs").EnumerateArray().Select(l => l.GetProperty("message").GetString()).ToArray();
        Assert.Equal(100, defaultLines.Length);
        Assert.Equal("line 0", defaultLines[0]);
        Assert.Equal("line 99", defaultLines[^1]);
        Assert.Equal(101, asked.Length);
    }

    [Fact]
    public async Task Lines_logged_at_the_same_instant_keep_the_order_they_were_written_in()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);
        await Logs.AppendAsync(Guid.Parse(id), [new TaskLogLine(L0, "b"), new TaskLogLine(L0, "a")]);
        await Logs.AppendAsync(Guid.Parse(id), [new TaskLogLine(L0, "c")]);

        Assert.Equal(["b", "a", "c"], await MessagesAsync(id));
    }

    [Fact]
    public async Task A_task_that_logged_nothing_has_no_lines_and_sees_no_other_tasks_lines()
    {
        var withLines = await TaskWithLinesAsync();
        var function = await Setup.CreateFunctionAsync(api);
        var quiet = await Setup.CreateTaskAsync(api, function);

        Assert.Empty(await MessagesAsync(quiet));
        Assert.Equal(5, (await MessagesAsync(withLines)).Length);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1_001)]
    public async Task A_line_limit_outside_one_to_a_thousand_is_a_validation_error(int first)
    {
        var id = await TaskWithLinesAsync();

        var response = await api.AdminAsync(LogsQuery, new { id, first });

        Gql.AssertValidation(response, "first");
    }

    [Fact]
    public async Task Reading_logs_needs_view_task_logs()
    {
        var id = await TaskWithLinesAsync();

        var response = await api.PostAsync(api.Token([Permissions.ViewTasks]), "query($id: UUID!) { task(id: $id) { id logs { message } } }", new { id });

        Assert.Equal(["FORBIDDEN"], response.ErrorCodes);
        Assert.Equal("VIEW_TASK_LOGS", Gql.Extension(response.Errors[0], "permission"));
        Assert.Equal("""["task","logs"]""", response.Errors[0].GetProperty("path").GetRawText());
        Assert.Equal(id, response.Data.GetProperty("task").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, response.Data.GetProperty("task").GetProperty("logs").ValueKind);
    }

    private async Task<string> TaskWithLinesAsync()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var id = await Setup.CreateTaskAsync(api, function);

        // Written out of order, in two batches: the read orders them.
        await Logs.AppendAsync(Guid.Parse(id), [new TaskLogLine(L0.AddSeconds(3), "line 3"), new TaskLogLine(L0, "line 0"), new TaskLogLine(L0.AddSeconds(4), "line 4")]);
        await Logs.AppendAsync(Guid.Parse(id), [new TaskLogLine(L0.AddSeconds(2), "line 2"), new TaskLogLine(L0.AddSeconds(1), "line 1")]);
        return id;
    }

    private async Task<string[]> MessagesAsync(string id, DateTimeOffset? from = null, DateTimeOffset? to = null, int? first = null)
    {
        var response = await api.AdminAsync(LogsQuery, new { id, from = from is { } f ? Gql.Iso(f) : null, to = to is { } t ? Gql.Iso(t) : null, first });
        return [.. response.At("task.logs").EnumerateArray().Select(l => l.GetProperty("message").GetString()!)];
    }
}
