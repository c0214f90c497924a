using System.Globalization;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Mutations;

[Collection(ApiHostGroup.Name)]
public sealed class ScheduleMutationTests(ApiHost api)
{
    private const string ScheduleFields = "id functionName data priority tags startTimestamp interval nextTimestamp lastFiredTimestamp createdByUserId createdByApplicationId";
    private const string Create = "mutation($input: CreateScheduleInput!) { createSchedule(input: $input) { schedule { " + ScheduleFields + " } " + Payloads.ErrorFields + " } }";
    private const string Delete = "mutation($id: UUID!) { deleteSchedule(input: { id: $id }) { schedule { " + ScheduleFields + " } " + Payloads.ErrorFields + " } }";

    [Fact]
    public async Task A_schedule_starting_later_is_created_with_its_first_task_due_at_its_start()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var start = DateTimeOffset.UtcNow.AddDays(2);

        var response = await api.AdminAsync(Create, new
        {
            input = new { functionName = function, data = new { report = "daily" }, priority = 6, tags = new[] { "nightly" }, startTimestamp = start.ToString("O", CultureInfo.InvariantCulture), interval = 86400 },
        });

        Payloads.NoErrors(response.At("createSchedule.errors"));
        var schedule = response.At("createSchedule.schedule");
        Assert.Equal(function, schedule.GetProperty("functionName").GetString());
        Assert.Equal("daily", schedule.GetProperty("data").GetProperty("report").GetString());
        Assert.Equal(6, schedule.GetProperty("priority").GetInt32());
        Assert.Equal(["nightly"], schedule.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(86400, schedule.GetProperty("interval").GetInt32());
        Assert.Equal(start, Instant(schedule, "startTimestamp"), TimeSpan.FromMilliseconds(1));
        Assert.Equal(start, Instant(schedule, "nextTimestamp"), TimeSpan.FromMilliseconds(1));
        Assert.True(Payloads.IsNull(schedule.GetProperty("lastFiredTimestamp")));
        Assert.Equal("admin", schedule.GetProperty("createdByUserId").GetString());
        var read = await api.AdminAsync("query($id: UUID!) { schedule(id: $id) { id interval } }", new { id = schedule.GetProperty("id").GetString() });
        Assert.Equal(86400, read.At("schedule.interval").GetInt32());
    }

    [Fact]
    public async Task A_schedule_without_start_data_or_priority_starts_now_with_empty_data_and_the_functions_default()
    {
        var function = await Setup.CreateFunctionAsync(api, defaultPriority: 3);
        var before = DateTimeOffset.UtcNow;

        var response = await api.AdminAsync(Create, new { input = new { functionName = function, interval = 60 } });

        var schedule = response.At("createSchedule.schedule");
        Assert.InRange(Instant(schedule, "startTimestamp"), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Empty(schedule.GetProperty("data").EnumerateObject());
        Assert.True(Payloads.IsNull(schedule.GetProperty("priority")));
        Assert.Empty(schedule.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task A_schedule_created_by_an_application_records_its_application_id()
    {
        var function = await Setup.CreateFunctionAsync(api);

        var response = await api.PostAsync(api.Token(["CREATE_TASK_SCHEDULE"], user: null, application: "cron-app"), Create, new { input = new { functionName = function, interval = 60 } });

        Assert.Equal("cron-app", response.At("createSchedule.schedule.createdByApplicationId").GetString());
        Assert.True(Payloads.IsNull(response.At("createSchedule.schedule.createdByUserId")));
    }

    [Fact]
    public async Task A_schedule_of_an_unknown_function_is_not_found_on_field_functionName()
    {
        var response = await api.AdminAsync(Create, new { input = new { functionName = Payloads.UniqueName("missing"), interval = 60 } });

        var error = Payloads.SingleError(response.At("createSchedule.errors"), "NotFoundError", "NOT_FOUND", "functionName");
        Assert.Equal("function", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(response.At("createSchedule.schedule")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData((366 * 24 * 60 * 60) + 1)]
    public async Task An_interval_below_one_second_or_above_366_days_is_a_validation_error_on_field_interval(int interval)
    {
        var function = await Setup.CreateFunctionAsync(api);

        var response = await api.AdminAsync(Create, new { input = new { functionName = function, interval } });

        Payloads.SingleError(response.At("createSchedule.errors"), "ValidationError", "VALIDATION", "interval");
        Assert.True(Payloads.IsNull(response.At("createSchedule.schedule")));
    }

    [Fact]
    public async Task An_interval_of_one_second_is_accepted()
    {
        var function = await Setup.CreateFunctionAsync(api);

        var response = await api.AdminAsync(Create, new { input = new { functionName = function, interval = 1, startTimestamp = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture) } });

        Payloads.NoErrors(response.At("createSchedule.errors"));
        Assert.Equal(1, response.At("createSchedule.schedule.interval").GetInt32());
    }

    [Fact]
    public async Task Schedule_data_that_is_not_an_object_is_a_validation_error_on_field_data()
    {
        var function = await Setup.CreateFunctionAsync(api);

        var response = await api.AdminAsync(Create, new { input = new { functionName = function, interval = 60, data = new[] { 1 } } });

        Payloads.SingleError(response.At("createSchedule.errors"), "ValidationError", "VALIDATION", "data");
    }

    [Fact]
    public async Task Schedule_tags_that_are_blank_are_a_validation_error_on_field_tags()
    {
        var function = await Setup.CreateFunctionAsync(api);

        var response = await api.AdminAsync(Create, new { input = new { functionName = function, interval = 60, tags = new[] { "ok", " " } } });

        Payloads.SingleError(response.At("createSchedule.errors"), "ValidationError", "VALIDATION", "tags");
    }

    [Fact]
    public async Task Deleting_a_schedule_answers_with_it_as_it_was_and_then_it_is_gone()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var created = await api.AdminAsync(Create, new { input = new { functionName = function, interval = 3600, startTimestamp = DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture) } });
        var id = created.At("createSchedule.schedule.id").GetString();

        var deleted = await api.AdminAsync(Delete, new { id });

        Payloads.NoErrors(deleted.At("deleteSchedule.errors"));
        Assert.Equal(id, deleted.At("deleteSchedule.schedule.id").GetString());
        Assert.Equal(function, deleted.At("deleteSchedule.schedule.functionName").GetString());
        Assert.Equal(3600, deleted.At("deleteSchedule.schedule.interval").GetInt32());
        var read = await api.AdminAsync("query($id: UUID!, $f: String!) { schedule(id: $id) { id } schedules(where: { functionName: { eq: $f } }) { totalCount } }", new { id, f = function });
        Assert.True(Payloads.IsNull(read.At("schedule")));
        Assert.Equal(0, read.At("schedules.totalCount").GetInt64());
    }

    [Fact]
    public async Task Deleting_a_schedule_twice_is_not_found_the_second_time()
    {
        var function = await Setup.CreateFunctionAsync(api);
        var created = await api.AdminAsync(Create, new { input = new { functionName = function, interval = 60 } });
        var id = created.At("createSchedule.schedule.id").GetString();
        await api.AdminAsync(Delete, new { id });

        var again = await api.AdminAsync(Delete, new { id });

        var error = Payloads.SingleError(again.At("deleteSchedule.errors"), "NotFoundError", "NOT_FOUND", null);
        Assert.Equal("schedule", error.GetProperty("entity").GetString());
        Assert.True(Payloads.IsNull(again.At("deleteSchedule.schedule")));
    }

    [Fact]
    public async Task Deleting_an_unknown_schedule_is_not_found()
    {
        var response = await api.AdminAsync(Delete, new { id = Guid.NewGuid() });

        var error = Payloads.SingleError(response.At("deleteSchedule.errors"), "NotFoundError", "NOT_FOUND", null);
        Assert.Equal("schedule", error.GetProperty("entity").GetString());
    }

    private static DateTimeOffset Instant(System.Text.Json.JsonElement element, string name) =>
        DateTimeOffset.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
