using Tasks.Projections.Queries;
using static Tasks.Projections.Queries.FilterOperator;
using static Tasks.Projections.Queries.QueryFilter;
using F = Tasks.Projections.Queries.TaskQueryModel;

namespace Tasks.Projections.Tests.Queries;

/// <summary>Every operator on every field kind keeps exactly the rows the object oracle keeps, on real PostgreSQL.</summary>
public sealed class TaskFilterOracleTests(TaskTableFixture database) : IClassFixture<TaskTableFixture>
{
    private static readonly TaskRow Sample = TaskSamples.Rows[17];
    private static readonly Guid Retry = TaskSamples.RetryPool[2];
    private static readonly DateTimeOffset Mid = TaskSamples.Epoch.AddMinutes(20);

    private static readonly Dictionary<string, QueryFilter> Cases = new()
    {
        ["id eq"] = Where(F.Id, Eq, Sample.Id),
        ["id ne"] = Where(F.Id, Ne, Sample.Id),
        ["id in"] = Where(F.Id, In, TaskSamples.Rows.Take(5).Select(r => r.Id).Append(Guid.NewGuid()).ToArray()),
        ["id out"] = Where(F.Id, Out, TaskSamples.Rows.Take(5).Select(r => r.Id).ToArray()),
        ["retriedByTaskId eq"] = Where(F.RetriedByTaskId, Eq, Retry),
        ["retriedByTaskId ne"] = Where(F.RetriedByTaskId, Ne, Retry),
        ["retriedByTaskId in"] = Where(F.RetriedByTaskId, In, TaskSamples.RetryPool[..3]),
        ["retriedByTaskId out"] = Where(F.RetriedByTaskId, Out, TaskSamples.RetryPool[..3]),
        ["retriedByTaskId eq null"] = Where(F.RetriedByTaskId, Eq, null),
        ["retriedByTaskId ne null"] = Where(F.RetriedByTaskId, Ne, null),
        ["status eq"] = Where(F.Status, Eq, "failed"),
        ["status ne"] = Where(F.Status, Ne, "failed"),
        ["status in"] = Where(F.Status, In, new[] { "new", "inProgress" }),
        ["status out"] = Where(F.Status, Out, new[] { "new", "inProgress" }),
        ["creationTimestamp eq"] = Where(F.CreationTimestamp, Eq, Sample.CreatedAt),
        ["creationTimestamp ne"] = Where(F.CreationTimestamp, Ne, Sample.CreatedAt),
        ["creationTimestamp gt"] = Where(F.CreationTimestamp, Gt, Mid),
        ["creationTimestamp ge"] = Where(F.CreationTimestamp, Ge, Mid),
        ["creationTimestamp lt"] = Where(F.CreationTimestamp, Lt, Mid),
        ["creationTimestamp le"] = Where(F.CreationTimestamp, Le, Mid),
        ["creationTimestamp in"] = Where(F.CreationTimestamp, In, new[] { Mid, Sample.CreatedAt }),
        ["creationTimestamp out"] = Where(F.CreationTimestamp, Out, new[] { Mid, Sample.CreatedAt }),
        ["startTimestamp ge in another offset"] = Where(F.StartTimestamp, Ge, Mid.ToOffset(TimeSpan.FromHours(-7))),
        ["functionName eq"] = Where(F.FunctionName, Eq, "gamma"),
        ["functionName ne"] = Where(F.FunctionName, Ne, "gamma"),
        ["functionName gt"] = Where(F.FunctionName, Gt, "delta"),
        ["functionName ge"] = Where(F.FunctionName, Ge, "delta"),
        ["functionName lt"] = Where(F.FunctionName, Lt, "delta"),
        ["functionName le"] = Where(F.FunctionName, Le, "delta"),
        ["functionName in"] = Where(F.FunctionName, In, new[] { "alpha", "beta", "zeta" }),
        ["functionName out"] = Where(F.FunctionName, Out, new[] { "alpha", "beta" }),
        ["functionName contains"] = Where(F.FunctionName, Contains, "lt"),
        ["functionName contains is case-sensitive"] = Where(F.FunctionName, Contains, "LT"),
        ["functionName excludes"] = Where(F.FunctionName, Excludes, "a"),
        ["functionName like"] = Where(F.FunctionName, Like, "*ta"),
        ["functionName like one character"] = Where(F.FunctionName, Like, "?eta"),
        ["priority eq"] = Where(F.Priority, Eq, 0),
        ["priority ne"] = Where(F.Priority, Ne, 0),
        ["priority gt"] = Where(F.Priority, Gt, 1),
        ["priority ge"] = Where(F.Priority, Ge, 1),
        ["priority lt"] = Where(F.Priority, Lt, -1),
        ["priority le"] = Where(F.Priority, Le, -1),
        ["priority in"] = Where(F.Priority, In, new[] { -3, 3 }),
        ["priority out"] = Where(F.Priority, Out, new[] { -3, 3 }),
        ["createdByUserId eq"] = Where(F.CreatedByUserId, Eq, "userb"),
        ["createdByUserId ne"] = Where(F.CreatedByUserId, Ne, "userb"),
        ["createdByUserId gt"] = Where(F.CreatedByUserId, Gt, "userb"),
        ["createdByUserId le"] = Where(F.CreatedByUserId, Le, "userb"),
        ["createdByUserId in"] = Where(F.CreatedByUserId, In, new[] { "usera", "userc" }),
        ["createdByUserId out"] = Where(F.CreatedByUserId, Out, new[] { "usera", "userc" }),
        ["createdByUserId eq null"] = Where(F.CreatedByUserId, Eq, null),
        ["createdByUserId ne null"] = Where(F.CreatedByUserId, Ne, null),
        ["createdByApplicationId like"] = Where(F.CreatedByApplicationId, Like, "app?"),
        ["errorMessage contains percent"] = Where(F.ErrorMessage, Contains, "%"),
        ["errorMessage contains underscore"] = Where(F.ErrorMessage, Contains, "_"),
        ["errorMessage contains backslash"] = Where(F.ErrorMessage, Contains, "\\"),
        ["errorMessage excludes percent"] = Where(F.ErrorMessage, Excludes, "%"),
        ["errorMessage like percent literal"] = Where(F.ErrorMessage, Like, "*100%*"),
        ["errorMessage like underscore literal"] = Where(F.ErrorMessage, Like, "bad_value*"),
        ["errorMessage like backslash literal"] = Where(F.ErrorMessage, Like, "path c:\\temp*"),
        ["errorMessage like escaped star"] = Where(F.ErrorMessage, Like, "*\\**"),
        ["errorMessage like escaped question mark"] = Where(F.ErrorMessage, Like, "what\\?"),
        ["errorMessage like question mark"] = Where(F.ErrorMessage, Like, "what?"),
        ["errorMessage eq"] = Where(F.ErrorMessage, Eq, "wild * card"),
        ["errorType not eq keeps nulls"] = Not(Where(F.ErrorType, Eq, "timeout")),
        ["errorType not ne drops nulls"] = Not(Where(F.ErrorType, Ne, "timeout")),
        ["errorName not gt"] = Not(Where(F.ErrorName, Gt, "crasherror")),
        ["tags contains"] = Where(F.Tags, Contains, "red"),
        ["tags contains percent literal"] = Where(F.Tags, Contains, "50%"),
        ["tags excludes"] = Where(F.Tags, Excludes, "red"),
        ["tags eq null"] = Where(F.Tags, Eq, null),
        ["tags some eq"] = Elements(F.Tags, ListQuantifier.Some, Eq, "a_b"),
        ["tags some in"] = Elements(F.Tags, ListQuantifier.Some, In, new[] { "red", "blue" }),
        ["tags some in nothing"] = Elements(F.Tags, ListQuantifier.Some, In, Array.Empty<string>()),
        ["tags some like"] = Elements(F.Tags, ListQuantifier.Some, Like, "a_b"),
        ["tags some like star literal"] = Elements(F.Tags, ListQuantifier.Some, Like, "star\\*"),
        ["tags some like question literal"] = Elements(F.Tags, ListQuantifier.Some, Like, "q\\?"),
        ["tags some like percent"] = Elements(F.Tags, ListQuantifier.Some, Like, "50%"),
        ["tags some contains backslash"] = Elements(F.Tags, ListQuantifier.Some, Contains, "\\"),
        ["tags some gt"] = Elements(F.Tags, ListQuantifier.Some, Gt, "red"),
        ["tags all eq"] = Elements(F.Tags, ListQuantifier.All, Eq, "red"),
        ["tags all in"] = Elements(F.Tags, ListQuantifier.All, In, new[] { "red", "green", "blue" }),
        ["tags all like"] = Elements(F.Tags, ListQuantifier.All, Like, "*e*"),
        ["tags none eq"] = Elements(F.Tags, ListQuantifier.None, Eq, "red"),
        ["tags none in"] = Elements(F.Tags, ListQuantifier.None, In, new[] { "red", "blue" }),
        ["tags none ne"] = Elements(F.Tags, ListQuantifier.None, Ne, "red"),
        ["tags some two conditions"] = new ListCondition(F.Tags, ListQuantifier.Some, [new(Like, "*e*"), new(Ne, "red")]),
        ["tags any"] = Any(F.Tags, true),
        ["tags not any"] = Any(F.Tags, false),
        ["retryForTaskIds contains"] = Where(F.RetryForTaskIds, Contains, Retry),
        ["retryForTaskIds excludes"] = Where(F.RetryForTaskIds, Excludes, Retry),
        ["retryForTaskIds some eq"] = Elements(F.RetryForTaskIds, ListQuantifier.Some, Eq, Retry),
        ["retryForTaskIds some ne"] = Elements(F.RetryForTaskIds, ListQuantifier.Some, Ne, Retry),
        ["retryForTaskIds all in"] = Elements(F.RetryForTaskIds, ListQuantifier.All, In, TaskSamples.RetryPool[..4]),
        ["retryForTaskIds none out"] = Elements(F.RetryForTaskIds, ListQuantifier.None, Out, TaskSamples.RetryPool[..4]),
        ["retryForTaskIds any"] = Any(F.RetryForTaskIds, true),
        ["and"] = And(Where(F.FunctionName, Eq, "alpha"), Where(F.Priority, Ge, 0), Where(F.Tags, Contains, "green")),
        ["or"] = Or(Where(F.Status, Eq, "failed"), Where(F.ErrorType, Eq, null)),
        ["not or"] = Not(Or(Where(F.Status, Eq, "failed"), Where(F.CreatedByUserId, Like, "user?"))),
        ["nested"] = Or(And(Where(F.FunctionName, In, new[] { "beta", "delta" }), Not(Where(F.ErrorName, Ne, null))), Elements(F.Tags, ListQuantifier.All, Like, "?????")),
        ["empty and"] = And(),
        ["empty or"] = Or(),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Filter_returns_exactly_the_oracle_rows_in_order_with_the_oracle_count(string name)
    {
        var filter = Cases[name];
        var expected = TaskOracle.Ids(TaskSamples.Rows, filter, sort: null);

        var actual = await database.AllIdsAsync(filter, sort: null);
        var counted = await database.PageAsync(filter, null, new PageRequest(First: 1), count: true);

        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, counted.TotalCount);
    }

    [Fact]
    public void The_cases_are_not_trivial()
    {
        // Guards the oracle comparison against sample data that would make most cases vacuous.
        var sizes = Cases.Where(c => !c.Key.StartsWith("empty", StringComparison.Ordinal))
            .Select(c => TaskOracle.Ids(TaskSamples.Rows, c.Value, null).Count)
            .ToList();
        Assert.True(sizes.Count(s => s > 0 && s < TaskSamples.Count) >= sizes.Count * 0.85, string.Join(",", sizes));
    }

    [Fact]
    public async Task Filtering_tags_with_some_eq_returns_only_tagged_tasks()
    {
        var page = await database.Executor.ExecuteAsync(
            TaskQueryModel.ReadModel,
            new ReadModelQuery(Elements(F.Tags, ListQuantifier.Some, Eq, "star*"), Page: new PageRequest(First: 50)),
            ["id", "tags"],
            r => r.GetFieldValue<string[]>(1));

        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, item => Assert.Contains("star*", item.Node));
    }

    [Fact]
    public async Task A_pattern_with_sql_wildcards_matches_them_literally()
    {
        var like = await database.AllIdsAsync(Where(F.ErrorMessage, Like, "bad_value in field"), null);
        var eq = await database.AllIdsAsync(Where(F.ErrorMessage, Eq, "bad_value in field"), null);

        Assert.NotEmpty(like);
        Assert.Equal(eq, like);
    }
}
