using System.Globalization;
using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary>Every operator of every scalar field of <c>TaskFilterInput</c>, through HTTP on the real read model.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskFieldFilterTests(ApiHost api)
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tasks_are_filtered_by_id_with_every_comparison()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var ids = Gql.Sorted([await scope.Driver.CreateAsync(scope.Function, T0), await scope.Driver.CreateAsync(scope.Function, T0), await scope.Driver.CreateAsync(scope.Function, T0)]);
        scope.Add("low", ids[0]);
        scope.Add("mid", ids[1]);
        scope.Add("high", ids[2]);
        var low = Gql.Quote(ids[0]);
        var mid = Gql.Quote(ids[1]);
        var high = Gql.Quote(ids[2]);

        await scope.ExpectAsync($"{{ id: {{ eq: {mid} }} }}", "mid");
        await scope.ExpectAsync($"{{ id: {{ neq: {mid} }} }}", "low", "high");
        await scope.ExpectAsync($"{{ id: {{ in: [{low}, {high}] }} }}", "low", "high");
        await scope.ExpectAsync($"{{ id: {{ nin: [{low}] }} }}", "mid", "high");
        await scope.ExpectAsync($"{{ id: {{ gt: {mid} }} }}", "high");
        await scope.ExpectAsync($"{{ id: {{ gte: {mid} }} }}", "mid", "high");
        await scope.ExpectAsync($"{{ id: {{ lt: {mid} }} }}", "low");
        await scope.ExpectAsync($"{{ id: {{ lte: {mid} }} }}", "low", "mid");
    }

    [Fact]
    public async Task Uuids_compare_as_postgresql_orders_them_by_their_bytes()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("task", T0);

        // Version-7 ids start with the time: every id made in 2030 (or now) is above 0190… and below ffff….
        await scope.ExpectAsync("""{ id: { gt: "00000000-0000-0000-0000-000000000000", lt: "ffffffff-ffff-ffff-ffff-ffffffffffff" } }""", "task");
        await scope.ExpectAsync("""{ id: { gt: "ffffffff-0000-0000-0000-000000000000" } }""");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_status_with_eq_neq_in_and_nin()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, T0);

        await scope.ExpectAsync("{ status: { eq: NEW } }", "new", "retry");
        await scope.ExpectAsync("{ status: { eq: IN_PROGRESS } }", "inProgress");
        await scope.ExpectAsync("{ status: { eq: COMPLETE } }", "complete");
        await scope.ExpectAsync("{ status: { eq: FAILED } }", "failed");
        await scope.ExpectAsync("{ status: { eq: RETRIED } }", "retried");
        await scope.ExpectAsync("{ status: { eq: CANCELED } }", "canceled");
        await scope.ExpectAsync("{ status: { neq: NEW } }", "canceled", "inProgress", "complete", "failed", "retried");
        await scope.ExpectAsync("{ status: { in: [COMPLETE, FAILED] } }", "complete", "failed");
        await scope.ExpectAsync("{ status: { nin: [NEW, IN_PROGRESS, RETRIED] } }", "canceled", "complete", "failed");
        await scope.ExpectVariableAsync(new { status = new { eq = "CANCELED" } }, "canceled");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_start_timestamp_with_every_comparison()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateAsync("early", startTimestamp: "2031-03-01T10:00:00.000Z");
        await scope.CreateAsync("middle", startTimestamp: "2031-03-01T11:00:00.000Z");
        await scope.CreateAsync("late", startTimestamp: "2031-03-01T12:00:00.000Z");

        await scope.ExpectAsync("""{ startTimestamp: { eq: "2031-03-01T11:00:00.000Z" } }""", "middle");
        await scope.ExpectAsync("""{ startTimestamp: { eq: "2031-03-01T13:00:00+02:00" } }""", "middle");
        await scope.ExpectAsync("""{ startTimestamp: { neq: "2031-03-01T11:00:00Z" } }""", "early", "late");
        await scope.ExpectAsync("""{ startTimestamp: { in: ["2031-03-01T10:00:00Z", "2031-03-01T12:00:00Z"] } }""", "early", "late");
        await scope.ExpectAsync("""{ startTimestamp: { nin: ["2031-03-01T10:00:00Z"] } }""", "middle", "late");
        await scope.ExpectAsync("""{ startTimestamp: { gt: "2031-03-01T11:00:00Z" } }""", "late");
        await scope.ExpectAsync("""{ startTimestamp: { gte: "2031-03-01T11:00:00Z" } }""", "middle", "late");
        await scope.ExpectAsync("""{ startTimestamp: { lt: "2031-03-01T11:00:00Z" } }""", "early");
        await scope.ExpectAsync("""{ startTimestamp: { lte: "2031-03-01T11:00:00Z" } }""", "early", "middle");
        await scope.ExpectAsync("""{ startTimestamp: { gt: "2031-03-01T10:59:59.999Z", lt: "2031-03-01T11:00:00.001Z" } }""", "middle");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_creation_timestamp_with_every_comparison_to_the_microsecond()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var first = T0.AddHours(1);
        var second = first.AddSeconds(1);
        var third = first.AddSeconds(2);
        var justAfterSecond = second.AddTicks(50); // 5 µs: PostgreSQL keeps microseconds
        await scope.CreateDirectAsync("first", first);
        await scope.CreateDirectAsync("second", second);
        await scope.CreateDirectAsync("justAfterSecond", justAfterSecond);
        await scope.CreateDirectAsync("third", third);

        await scope.ExpectAsync($"{{ creationTimestamp: {{ eq: {Gql.Quote(Gql.Iso(second))} }} }}", "second");
        var secondInNewYork = second.ToOffset(TimeSpan.FromHours(-5)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
        await scope.ExpectAsync($"{{ creationTimestamp: {{ eq: {Gql.Quote(secondInNewYork)} }} }}", "second");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ eq: {Gql.Quote(Gql.Iso(justAfterSecond))} }} }}", "justAfterSecond");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ neq: {Gql.Quote(Gql.Iso(second))} }} }}", "first", "justAfterSecond", "third");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ in: [{Gql.Quote(Gql.Iso(first))}, {Gql.Quote(Gql.Iso(third))}] }} }}", "first", "third");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ nin: [{Gql.Quote(Gql.Iso(first))}] }} }}", "second", "justAfterSecond", "third");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ gt: {Gql.Quote(Gql.Iso(second))} }} }}", "justAfterSecond", "third");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ gte: {Gql.Quote(Gql.Iso(second))} }} }}", "second", "justAfterSecond", "third");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ lt: {Gql.Quote(Gql.Iso(second))} }} }}", "first");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ lte: {Gql.Quote(Gql.Iso(second))} }} }}", "first", "second");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_status_change_and_update_timestamps_with_every_comparison()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var canceled = await scope.CreateDirectAsync("canceled", T0);
        var started = await scope.CreateDirectAsync("started", T0.AddSeconds(1));
        await scope.CreateDirectAsync("untouched", T0.AddSeconds(2));
        await scope.Driver.StartAsync(started, T0.AddSeconds(5));
        await scope.Driver.CancelAsync(canceled, T0.AddSeconds(10));
        var at2 = Gql.Quote(Gql.Iso(T0.AddSeconds(2)));
        var at5 = Gql.Quote(Gql.Iso(T0.AddSeconds(5)));
        var at10 = Gql.Quote(Gql.Iso(T0.AddSeconds(10)));

        foreach (var field in new[] { "statusChangedTimestamp", "updateTimestamp" })
        {
            await scope.ExpectAsync($"{{ {field}: {{ eq: {at5} }} }}", "started");
            await scope.ExpectAsync($"{{ {field}: {{ neq: {at5} }} }}", "canceled", "untouched");
            await scope.ExpectAsync($"{{ {field}: {{ in: [{at2}, {at10}] }} }}", "canceled", "untouched");
            await scope.ExpectAsync($"{{ {field}: {{ nin: [{at10}] }} }}", "started", "untouched");
            await scope.ExpectAsync($"{{ {field}: {{ gt: {at5} }} }}", "canceled");
            await scope.ExpectAsync($"{{ {field}: {{ gte: {at5} }} }}", "canceled", "started");
            await scope.ExpectAsync($"{{ {field}: {{ lt: {at5} }} }}", "untouched");
            await scope.ExpectAsync($"{{ {field}: {{ lte: {at5} }} }}", "started", "untouched");
        }

        // Creation stays put when the status changes.
        await scope.ExpectAsync($"{{ creationTimestamp: {{ lt: {at2} }} }}", "canceled", "started");
    }

    [Fact]
    public async Task A_task_is_found_by_the_exact_creation_timestamp_the_api_reports_for_it()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        var id = await scope.CreateAsync("task");
        var read = await api.AdminAsync("query($id: UUID!) { task(id: $id) { creationTimestamp statusChangedTimestamp updateTimestamp } }", new { id });
        var created = read.At("task.creationTimestamp").GetString()!;

        await scope.ExpectAsync($"{{ creationTimestamp: {{ eq: {Gql.Quote(created)} }} }}", "task");
        await scope.ExpectAsync($"{{ creationTimestamp: {{ lte: {Gql.Quote(created)} }} }}", "task");
        await scope.ExpectAsync($"{{ updateTimestamp: {{ in: [{Gql.Quote(read.At("task.updateTimestamp").GetString()!)}] }} }}", "task");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_priority_with_every_comparison()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("minus5", T0, priority: -5);
        await scope.CreateDirectAsync("zero", T0, priority: 0);
        await scope.CreateDirectAsync("three", T0, priority: 3);
        await scope.CreateDirectAsync("seven", T0, priority: 7);

        await scope.ExpectAsync("{ priority: { eq: 3 } }", "three");
        await scope.ExpectAsync("{ priority: { neq: 3 } }", "minus5", "zero", "seven");
        await scope.ExpectAsync("{ priority: { in: [-5, 7, 100] } }", "minus5", "seven");
        await scope.ExpectAsync("{ priority: { nin: [-5, 7] } }", "zero", "three");
        await scope.ExpectAsync("{ priority: { gt: 0 } }", "three", "seven");
        await scope.ExpectAsync("{ priority: { gte: 0 } }", "zero", "three", "seven");
        await scope.ExpectAsync("{ priority: { lt: 0 } }", "minus5");
        await scope.ExpectAsync("{ priority: { lte: 3 } }", "minus5", "zero", "three");
        await scope.ExpectAsync("{ priority: { gt: -10, lt: 5 } }", "minus5", "zero", "three");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_function_name_with_every_string_operator()
    {
        var scope = await TaskScope.ByTagAsync(api);
        var prefix = "q" + Guid.NewGuid().ToString("N")[..10];
        var alpha = await CreateFunctionAsync(prefix + "-alpha");
        var beta = await CreateFunctionAsync(prefix + "-beta");
        var gamma = await CreateFunctionAsync(prefix + "-Gamma");
        await scope.CreateAsync("alpha", function: alpha);
        await scope.CreateAsync("beta", function: beta);
        await scope.CreateAsync("Gamma", function: gamma);

        await scope.ExpectAsync($"{{ functionName: {{ eq: {Gql.Quote(alpha)} }} }}", "alpha");
        await scope.ExpectAsync($"{{ functionName: {{ neq: {Gql.Quote(alpha)} }} }}", "beta", "Gamma");
        await scope.ExpectAsync($"{{ functionName: {{ in: {Gql.List([alpha, beta])} }} }}", "alpha", "beta");
        await scope.ExpectAsync($"{{ functionName: {{ nin: {Gql.List([alpha])} }} }}", "beta", "Gamma");

        // By code point: "-Gamma" < "-alpha" < "-beta".
        await scope.ExpectAsync($"{{ functionName: {{ gt: {Gql.Quote(alpha)} }} }}", "beta");
        await scope.ExpectAsync($"{{ functionName: {{ gte: {Gql.Quote(alpha)} }} }}", "alpha", "beta");
        await scope.ExpectAsync($"{{ functionName: {{ lt: {Gql.Quote(alpha)} }} }}", "Gamma");
        await scope.ExpectAsync($"{{ functionName: {{ lte: {Gql.Quote(alpha)} }} }}", "Gamma", "alpha");

        // Case-sensitive substring, prefix and suffix tests, and their negations.
        await scope.ExpectAsync("""{ functionName: { contains: "-alp" } }""", "alpha");
        await scope.ExpectAsync("""{ functionName: { contains: "-g" } }""");
        await scope.ExpectAsync("""{ functionName: { ncontains: "-alp" } }""", "beta", "Gamma");
        await scope.ExpectAsync($"{{ functionName: {{ startsWith: {Gql.Quote(prefix + "-a")} }} }}", "alpha");
        await scope.ExpectAsync($"{{ functionName: {{ nstartsWith: {Gql.Quote(prefix + "-a")} }} }}", "beta", "Gamma");
        await scope.ExpectAsync("""{ functionName: { endsWith: "ta" } }""", "beta");
        await scope.ExpectAsync("""{ functionName: { nendsWith: "ta" } }""", "alpha", "Gamma");

        // Whole-value patterns.
        await scope.ExpectAsync($"{{ functionName: {{ like: {Gql.Quote(prefix + "-?lpha")} }} }}", "alpha");
        await scope.ExpectAsync("""{ functionName: { like: "*G*" } }""", "Gamma");
        await scope.ExpectAsync("""{ functionName: { like: "*a" } }""", "alpha", "beta", "Gamma");
        await scope.ExpectAsync($"{{ functionName: {{ like: {Gql.Quote(prefix + "-alph")} }} }}");
        await scope.ExpectAsync("""{ functionName: { nlike: "*ha" } }""", "beta", "Gamma");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_creating_user_with_every_string_operator_and_tasks_without_one_match_only_negations()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("ann", T0, user: "ann");
        await scope.CreateDirectAsync("Ann", T0, user: "Ann");
        await scope.CreateDirectAsync("bob", T0, user: "bob");
        await scope.CreateDirectAsync("app", T0, user: null, application: "billing");

        await scope.ExpectAsync("""{ createdByUserId: { eq: "ann" } }""", "ann");
        await scope.ExpectAsync("""{ createdByUserId: { neq: "ann" } }""", "Ann", "bob", "app");
        await scope.ExpectAsync("""{ createdByUserId: { in: ["ann", "bob"] } }""", "ann", "bob");
        await scope.ExpectAsync("""{ createdByUserId: { nin: ["ann"] } }""", "Ann", "bob", "app");
        await scope.ExpectAsync("""{ createdByUserId: { eq: null } }""", "app");
        await scope.ExpectAsync("""{ createdByUserId: { neq: null } }""", "ann", "Ann", "bob");
        await scope.ExpectAsync("""{ createdByUserId: { gt: "ann" } }""", "bob");
        await scope.ExpectAsync("""{ createdByUserId: { gte: "ann" } }""", "ann", "bob");
        await scope.ExpectAsync("""{ createdByUserId: { lt: "ann" } }""", "Ann");
        await scope.ExpectAsync("""{ createdByUserId: { lte: "ann" } }""", "Ann", "ann");
        await scope.ExpectAsync("""{ createdByUserId: { contains: "nn" } }""", "ann", "Ann");
        await scope.ExpectAsync("""{ createdByUserId: { ncontains: "nn" } }""", "bob", "app");
        await scope.ExpectAsync("""{ createdByUserId: { startsWith: "A" } }""", "Ann");
        await scope.ExpectAsync("""{ createdByUserId: { nstartsWith: "A" } }""", "ann", "bob", "app");
        await scope.ExpectAsync("""{ createdByUserId: { endsWith: "ob" } }""", "bob");
        await scope.ExpectAsync("""{ createdByUserId: { nendsWith: "ob" } }""", "ann", "Ann", "app");
        await scope.ExpectAsync("""{ createdByUserId: { like: "?nn" } }""", "ann", "Ann");
        await scope.ExpectAsync("""{ createdByUserId: { nlike: "?nn" } }""", "bob", "app");
        await scope.ExpectAsync("""{ createdByUserId: { like: "*" } }""", "ann", "Ann", "bob");
        await scope.ExpectAsync("""{ createdByUserId: { nlike: "*" } }""", "app");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_creating_application_and_tasks_without_one_match_only_negations()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("billing", T0, user: null, application: "billing");
        await scope.CreateDirectAsync("reports", T0, user: "carol", application: "reports");
        await scope.CreateDirectAsync("user", T0, user: "dave");

        await scope.ExpectAsync("""{ createdByApplicationId: { eq: "billing" } }""", "billing");
        await scope.ExpectAsync("""{ createdByApplicationId: { neq: "billing" } }""", "reports", "user");
        await scope.ExpectAsync("""{ createdByApplicationId: { eq: null } }""", "user");
        await scope.ExpectAsync("""{ createdByApplicationId: { neq: null } }""", "billing", "reports");
        await scope.ExpectAsync("""{ createdByApplicationId: { in: ["billing", "reports"] } }""", "billing", "reports");
        await scope.ExpectAsync("""{ createdByApplicationId: { nin: ["billing"] } }""", "reports", "user");
        await scope.ExpectAsync("""{ createdByApplicationId: { gt: "billing" } }""", "reports");
        await scope.ExpectAsync("""{ createdByApplicationId: { gte: "reports" } }""", "reports");
        await scope.ExpectAsync("""{ createdByApplicationId: { lt: "reports" } }""", "billing");
        await scope.ExpectAsync("""{ createdByApplicationId: { lte: "reports" } }""", "billing", "reports");
        await scope.ExpectAsync("""{ createdByApplicationId: { startsWith: "rep" } }""", "reports");
        await scope.ExpectAsync("""{ createdByApplicationId: { nstartsWith: "rep" } }""", "billing", "user");
        await scope.ExpectAsync("""{ createdByApplicationId: { endsWith: "ing" } }""", "billing");
        await scope.ExpectAsync("""{ createdByApplicationId: { nendsWith: "ing" } }""", "reports", "user");
        await scope.ExpectAsync("""{ createdByApplicationId: { contains: "port" } }""", "reports");
        await scope.ExpectAsync("""{ createdByApplicationId: { ncontains: "port" } }""", "billing", "user");
        await scope.ExpectAsync("""{ createdByApplicationId: { like: "*ll*" } }""", "billing");
        await scope.ExpectAsync("""{ createdByApplicationId: { nlike: "*ll*" } }""", "reports", "user");
        await scope.ExpectAsync("""{ createdByApplicationId: { neq: null }, createdByUserId: { neq: null } }""", "reports");
    }

    [Fact]
    public async Task Tasks_are_filtered_by_several_conditions_on_their_error()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, T0);
        string[] withoutError = ["new", "canceled", "inProgress", "complete", "retry"];

        await scope.ExpectAsync("""{ error: { type: { eq: null } } }""", withoutError);
        await scope.ExpectAsync("""{ error: { type: { neq: null } } }""", "failed", "retried");
        await scope.ExpectAsync("""{ error: { name: { eq: null } } }""", withoutError);
        await scope.ExpectAsync("""{ error: { message: { neq: null } } }""", "failed", "retried");
        await scope.ExpectAsync("""{ error: {} }""", [.. withoutError, "failed", "retried"]);

        // Fields of the error object must all hold, with the task's other fields.
        await scope.ExpectAsync("""{ error: { type: { eq: "Timeout" }, name: { eq: "ThrottleError" } } }""");
        await scope.ExpectAsync("""{ error: { type: { eq: "Throttled" }, name: { eq: "ThrottleError" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { type: { neq: null } }, status: { eq: FAILED } }""", "failed");
        await scope.ExpectAsync("""{ not: { error: { type: { eq: "Timeout" } } } }""", [.. withoutError, "retried"]);
    }

    [Fact]
    public async Task Tasks_are_filtered_by_error_type_with_every_string_operator()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, T0);
        string[] none = ["new", "canceled", "inProgress", "complete", "retry"];

        await scope.ExpectAsync("""{ error: { type: { eq: "Timeout" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { type: { neq: "Timeout" } } }""", [.. none, "retried"]);
        await scope.ExpectAsync("""{ error: { type: { in: ["Throttled"] } } }""", "retried");
        await scope.ExpectAsync("""{ error: { type: { nin: ["Throttled"] } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { type: { gt: "Throttled" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { type: { gte: "Throttled" } } }""", "failed", "retried");
        await scope.ExpectAsync("""{ error: { type: { lt: "Timeout" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { type: { lte: "Timeout" } } }""", "failed", "retried");
        await scope.ExpectAsync("""{ error: { type: { contains: "out" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { type: { ncontains: "out" } } }""", [.. none, "retried"]);
        await scope.ExpectAsync("""{ error: { type: { startsWith: "Th" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { type: { nstartsWith: "Th" } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { type: { endsWith: "led" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { type: { nendsWith: "led" } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { type: { like: "T*t" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { type: { nlike: "T*t" } } }""", [.. none, "retried"]);
    }

    [Fact]
    public async Task Tasks_are_filtered_by_error_name_with_every_string_operator()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, T0);
        string[] none = ["new", "canceled", "inProgress", "complete", "retry"];

        await scope.ExpectAsync("""{ error: { name: { eq: "ThrottleError" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { name: { neq: "ThrottleError" } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { name: { in: ["TimeoutError", "Other"] } } }""", "failed");
        await scope.ExpectAsync("""{ error: { name: { nin: ["TimeoutError"] } } }""", [.. none, "retried"]);
        await scope.ExpectAsync("""{ error: { name: { gt: "ThrottleError" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { name: { gte: "ThrottleError" } } }""", "failed", "retried");
        await scope.ExpectAsync("""{ error: { name: { lt: "TimeoutError" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { name: { lte: "ThrottleError" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { name: { contains: "tleErr" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { name: { ncontains: "tleErr" } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { name: { startsWith: "Time" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { name: { nstartsWith: "Time" } } }""", [.. none, "retried"]);
        await scope.ExpectAsync("""{ error: { name: { endsWith: "Error" } } }""", "failed", "retried");
        await scope.ExpectAsync("""{ error: { name: { nendsWith: "Error" } } }""", none);
        await scope.ExpectAsync("""{ error: { name: { like: "*out*" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { name: { nlike: "*out*" } } }""", [.. none, "retried"]);
    }

    [Fact]
    public async Task Tasks_are_filtered_by_error_message_with_every_string_operator()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await StatusZoo.FillAsync(scope, T0);
        string[] none = ["new", "canceled", "inProgress", "complete", "retry"];

        await scope.ExpectAsync("""{ error: { message: { eq: "took too long" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { message: { neq: "took too long" } } }""", [.. none, "retried"]);
        await scope.ExpectAsync("""{ error: { message: { in: ["slow down: 429"] } } }""", "retried");
        await scope.ExpectAsync("""{ error: { message: { nin: ["slow down: 429"] } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { message: { gt: "su" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { message: { gte: "took too long" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { message: { lt: "took" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { message: { lte: "slow down: 429" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { message: { contains: ": " } } }""", "retried");
        await scope.ExpectAsync("""{ error: { message: { ncontains: ": " } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { message: { startsWith: "took" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { message: { nstartsWith: "took" } } }""", [.. none, "retried"]);
        await scope.ExpectAsync("""{ error: { message: { endsWith: "429" } } }""", "retried");
        await scope.ExpectAsync("""{ error: { message: { nendsWith: "429" } } }""", [.. none, "failed"]);
        await scope.ExpectAsync("""{ error: { message: { like: "* too *" } } }""", "failed");
        await scope.ExpectAsync("""{ error: { message: { nlike: "* too *" } } }""", [.. none, "retried"]);
    }

    private async Task<string> CreateFunctionAsync(string name)
    {
        var response = await api.AdminAsync(
            "mutation($input: CreateFunctionInput!) { createFunction(input: $input) { function { name } errors { code message field } } }",
            new { input = new { name, entryPoint = "index.handler", runtime = "nodejs22.x" } });
        return response.At("createFunction.function.name").GetString()!;
    }
}
