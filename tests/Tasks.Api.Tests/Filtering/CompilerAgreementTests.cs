using Tasks.Api.Filtering;
using Tasks.Projections.Queries;
using static Tasks.Api.Tests.Filtering.FilterTrees;

namespace Tasks.Api.Tests.Filtering;

/// <summary>Whatever the translator produces from schema-valid input, the query compiler accepts (no database needed).</summary>
public sealed class CompilerAgreementTests
{
    private static readonly DateTimeOffset Instant = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, object?> EveryStringOperator(string value) => Obj(
        ("eq", value), ("neq", value), ("in", List(value)), ("nin", List(value)), ("gt", value), ("gte", value),
        ("lt", value), ("lte", value), ("contains", value), ("ncontains", value), ("startsWith", value),
        ("nstartsWith", value), ("endsWith", value), ("nendsWith", value), ("like", value), ("nlike", value));

    // Under some and none a negated pattern must stand alone, so element inputs there leave them out.
    private static Dictionary<string, object?> EveryPositiveStringOperator(string value) => Obj(
        ("eq", value), ("neq", value), ("in", List(value)), ("nin", List(value)), ("gt", value), ("gte", value),
        ("lt", value), ("lte", value), ("contains", value), ("ncontains", value), ("startsWith", value),
        ("endsWith", value), ("like", value));

    private static Dictionary<string, object?> EveryOrderedOperator(object value) => Obj(
        ("eq", value), ("neq", value), ("in", List(value)), ("nin", List(value)), ("gt", value), ("gte", value), ("lt", value), ("lte", value));

    private static void AssertCompiles(ReadModelDescription model, QueryFilter? filter)
    {
        Assert.NotNull(filter);
        var compiled = ReadModelQueryCompiler.CompileCount(model, filter);
        Assert.Contains("WHERE", compiled.Sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_task_operator_compiles()
    {
        // Split in two so each stays under the read model's limit of conditions per filter.
        var scalars = Obj(
            ("status", Obj(("eq", "new"), ("neq", "failed"), ("in", List("complete")), ("nin", List("canceled")))),
            ("functionName", EveryStringOperator("f*?\\")),
            ("priority", EveryOrderedOperator(5)),
            ("creationTimestamp", EveryOrderedOperator(Instant)),
            ("createdByUserId", Obj(("eq", null), ("neq", "u"))),
            ("retriedByTaskId", Obj(("eq", Guid.Empty), ("neq", null), ("in", List(Guid.Empty)), ("nin", List(Guid.Empty)))),
            ("error", Obj(("type", EveryStringOperator("t")), ("name", Obj(("eq", null))), ("message", Obj(("nlike", "*x*"))))));
        var lists = Obj(
            ("or", List(
                Obj(("tags", Obj(("some", EveryPositiveStringOperator("a")), ("any", true)))),
                Obj(("tags", Obj(("all", EveryStringOperator("b")), ("none", Obj(("in", List("c", "d"))))))),
                Obj(("tags", Obj(("some", Obj(("nstartsWith", "e"))), ("none", Obj(("nlike", "f?")))))),
                Obj(("retryForTaskIds", Obj(("some", Obj(("eq", Guid.Empty))), ("all", Obj(("nin", List(Guid.Empty)))), ("any", false)))))),
            ("not", Obj(("tags", Obj(("none", Obj()), ("some", Obj()))))));

        AssertCompiles(TaskQueryModel.ReadModel, FilterInputTranslator.Translate(FilterInputMapping.Task, scalars));
        AssertCompiles(TaskQueryModel.ReadModel, FilterInputTranslator.Translate(FilterInputMapping.Task, lists));
    }

    [Fact]
    public void Every_function_operator_compiles()
    {
        var where = Obj(
            ("name", EveryStringOperator("n")),
            ("description", Obj(("eq", null), ("ncontains", "d"))),
            ("timeLimit", EveryOrderedOperator(30)),
            ("executionPermission", Obj(("eq", "public"), ("neq", "allUsers"), ("in", List("permissionRequired")), ("nin", List("public")))),
            ("defaultPriority", Obj(("neq", null), ("lt", 3))),
            ("enabled", Obj(("eq", true), ("neq", false))),
            ("updateTimestamp", Obj(("gt", Instant))));

        AssertCompiles(FunctionQueryModel.ReadModel, FilterInputTranslator.Translate(FilterInputMapping.Function, where));
    }

    [Fact]
    public void Every_schedule_operator_compiles()
    {
        var where = Obj(
            ("id", Obj(("eq", Guid.Empty), ("nin", List(Guid.Empty)))),
            ("functionName", Obj(("startsWith", "f"))),
            ("priority", Obj(("eq", null))),
            ("interval", EveryOrderedOperator(60)),
            ("nextTimestamp", EveryOrderedOperator(Instant)));

        AssertCompiles(ScheduleQueryModel.ReadModel, FilterInputTranslator.Translate(FilterInputMapping.Schedule, where));
    }

    [Fact]
    public void Every_sort_key_of_the_schema_compiles()
    {
        var taskOrder = List(
            Obj(("status", "ASC")), Obj(("statusChangedTimestamp", "DESC")), Obj(("functionName", "ASC")), Obj(("startTimestamp", "DESC")),
            Obj(("priority", "ASC")), Obj(("creationTimestamp", "DESC")), Obj(("updateTimestamp", "ASC")), Obj(("createdByUserId", "DESC")),
            Obj(("createdByApplicationId", "ASC")), Obj(("retriedByTaskId", "DESC")), Obj(("error", Obj(("type", "ASC")))), Obj(("error", Obj(("name", "DESC")))),
            Obj(("id", "ASC")));
        var sort = SortInputTranslator.Translate(FilterInputMapping.Task, taskOrder);

        var compiled = ReadModelQueryCompiler.Compile(TaskQueryModel.ReadModel, new ReadModelQuery(Sort: sort), [TaskQueryModel.Id]);

        Assert.Equal(13, sort.Count);
        Assert.Equal(sort, compiled.EffectiveSort);
    }
}
