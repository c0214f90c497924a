using Tasks.Api.Filtering;
using Tasks.Projections.Queries;
using static Tasks.Api.Tests.Filtering.FilterTrees;

namespace Tasks.Api.Tests.Filtering;

public sealed class FilterInputTranslatorTests
{
    private static readonly Guid SomeId = Guid.Parse("0190c2a4-5b1e-7c3d-9f00-2a4b6c8d0e1f");
    private static readonly DateTimeOffset SomeInstant = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    private static string Tasks(Dictionary<string, object?>? where) => Print(FilterInputTranslator.Translate(FilterInputMapping.Task, where));

    [Fact]
    public void An_absent_where_sets_no_filter()
    {
        Assert.Null(FilterInputTranslator.Translate(FilterInputMapping.Task, null));
    }

    [Fact]
    public void An_empty_filter_object_sets_no_filter()
    {
        Assert.Null(FilterInputTranslator.Translate(FilterInputMapping.Task, Obj()));
        Assert.Null(FilterInputTranslator.Translate(FilterInputMapping.Task, Obj(("status", Obj()))));
    }

    [Fact]
    public void A_lone_operator_becomes_a_single_condition()
    {
        Assert.Equal("status eq \"inProgress\"", Tasks(Obj(("status", Obj(("eq", "inProgress"))))));
    }

    public static TheoryData<string, object, string> ScalarOperators => new()
    {
        { "eq", "a", "functionName eq \"a\"" },
        { "neq", "a", "functionName ne \"a\"" },
        { "in", List("a", "b"), "functionName in [\"a\", \"b\"]" },
        { "nin", List("a", "b"), "functionName out [\"a\", \"b\"]" },
        { "gt", "a", "functionName gt \"a\"" },
        { "gte", "a", "functionName ge \"a\"" },
        { "lt", "a", "functionName lt \"a\"" },
        { "lte", "a", "functionName le \"a\"" },
        { "contains", "a*b", "functionName contains \"a*b\"" },
        { "ncontains", "a*b", "functionName excludes \"a*b\"" },
        { "startsWith", "a", "functionName like \"a*\"" },
        { "nstartsWith", "a", "not(functionName like \"a*\")" },
        { "endsWith", "a", "functionName like \"*a\"" },
        { "nendsWith", "a", "not(functionName like \"*a\")" },
        { "like", "a?b*", "functionName like \"a?b*\"" },
        { "nlike", "a?b*", "not(functionName like \"a?b*\")" },
    };

    [Theory]
    [MemberData(nameof(ScalarOperators))]
    public void Every_string_operator_maps_to_its_query_operator(string op, object value, string expected)
    {
        Assert.Equal(expected, Tasks(Obj(("functionName", Obj((op, value))))));
    }

    [Fact]
    public void Ordered_kinds_take_the_comparison_operators()
    {
        Assert.Equal(
            "and(priority gt 1, priority le 9, creationTimestamp ge 2026-01-31T12:00:00.0000000+00:00, id in [0190c2a4-5b1e-7c3d-9f00-2a4b6c8d0e1f])",
            Tasks(Obj(
                ("priority", Obj(("gt", 1), ("lte", 9))),
                ("creationTimestamp", Obj(("gte", SomeInstant))),
                ("id", Obj(("in", List(SomeId)))))));
    }

    [Fact]
    public void StartsWith_and_endsWith_match_their_value_literally()
    {
        Assert.Equal(@"functionName like ""a\*b\?c\\d*""", Tasks(Obj(("functionName", Obj(("startsWith", @"a*b?c\d"))))));
        Assert.Equal(@"functionName like ""*\\""", Tasks(Obj(("functionName", Obj(("endsWith", @"\"))))));
    }

    [Fact]
    public void Like_keeps_the_pattern_as_given()
    {
        Assert.Equal(@"functionName like ""a\*?*""", Tasks(Obj(("functionName", Obj(("like", @"a\*?*"))))));
    }

    [Fact]
    public void An_explicit_null_eq_means_the_field_is_null()
    {
        Assert.Equal("createdByUserId eq null", Tasks(Obj(("createdByUserId", Obj(("eq", null))))));
    }

    [Fact]
    public void An_explicit_null_neq_means_the_field_is_not_null()
    {
        Assert.Equal("retriedByTaskId ne null", Tasks(Obj(("retriedByTaskId", Obj(("neq", null))))));
    }

    [Fact]
    public void An_explicit_null_elsewhere_is_no_condition()
    {
        var where = Obj(
            ("and", null),
            ("or", null),
            ("not", null),
            ("status", null),
            ("error", null),
            ("tags", Obj(("some", null), ("any", null))),
            ("functionName", Obj(("gt", null), ("in", null), ("startsWith", null), ("nlike", null))),
            ("priority", Obj(("eq", 3))));

        Assert.Equal("priority eq 3", Tasks(where));
    }

    [Fact]
    public void Several_operators_in_one_object_must_all_hold()
    {
        Assert.Equal(
            "and(priority ge 1, priority lt 5, priority ne 3)",
            Tasks(Obj(("priority", Obj(("gte", 1), ("lt", 5), ("neq", 3))))));
    }

    [Fact]
    public void Several_fields_in_one_object_must_all_hold()
    {
        Assert.Equal(
            "and(status eq \"failed\", functionName eq \"f\")",
            Tasks(Obj(("status", Obj(("eq", "failed"))), ("functionName", Obj(("eq", "f"))))));
    }

    [Fact]
    public void And_operands_join_the_object_conjunction()
    {
        Assert.Equal(
            "and(priority eq 1, functionName eq \"f\", status eq \"new\")",
            Tasks(Obj(
                ("and", List(Obj(("priority", Obj(("eq", 1)))), Obj(("functionName", Obj(("eq", "f")))))),
                ("status", Obj(("eq", "new"))))));
    }

    [Fact]
    public void Or_needs_one_of_its_operands()
    {
        Assert.Equal(
            "or(status eq \"new\", and(status eq \"failed\", priority gt 5))",
            Tasks(Obj(("or", List(
                Obj(("status", Obj(("eq", "new")))),
                Obj(("status", Obj(("eq", "failed"))), ("priority", Obj(("gt", 5)))))))));
    }

    [Fact]
    public void A_lone_or_operand_stands_for_itself()
    {
        Assert.Equal("status eq \"new\"", Tasks(Obj(("or", List(Obj(("status", Obj(("eq", "new")))))))));
    }

    [Fact]
    public void An_empty_object_inside_or_and_not_is_true()
    {
        Assert.Equal("or(and(), status eq \"new\")", Tasks(Obj(("or", List(Obj(), Obj(("status", Obj(("eq", "new")))))))));
        Assert.Equal("not(and())", Tasks(Obj(("not", Obj()))));
    }

    [Fact]
    public void Not_negates_its_whole_object()
    {
        Assert.Equal(
            "and(not(and(status eq \"new\", priority eq 1)), functionName eq \"f\")",
            Tasks(Obj(
                ("not", Obj(("status", Obj(("eq", "new"))), ("priority", Obj(("eq", 1))))),
                ("functionName", Obj(("eq", "f"))))));
    }

    [Fact]
    public void Error_fields_map_to_the_read_models_error_columns()
    {
        Assert.Equal(
            "and(errorType eq \"zombieTaskCleaned\", errorName ne null, errorMessage contains \"timeout\")",
            Tasks(Obj(("error", Obj(
                ("type", Obj(("eq", "zombieTaskCleaned"))),
                ("name", Obj(("neq", null))),
                ("message", Obj(("contains", "timeout"))))))));
    }

    [Fact]
    public void Functions_map_to_the_function_read_model()
    {
        var where = Obj(
            ("executionPermission", Obj(("in", List("allUsers", "public")))),
            ("enabled", Obj(("eq", true))),
            ("defaultPriority", Obj(("eq", null))),
            ("description", Obj(("ncontains", "x"))));

        Assert.Equal(
            "and(executionPermission in [\"allUsers\", \"public\"], enabled eq true, defaultPriority eq null, description excludes \"x\")",
            Print(FilterInputTranslator.Translate(FilterInputMapping.Function, where)));
    }

    [Fact]
    public void Schedules_map_to_the_schedule_read_model()
    {
        var where = Obj(("interval", Obj(("lte", 60))), ("nextTimestamp", Obj(("lt", SomeInstant))));

        Assert.Equal(
            "and(interval le 60, nextTimestamp lt 2026-01-31T12:00:00.0000000+00:00)",
            Print(FilterInputTranslator.Translate(FilterInputMapping.Schedule, where)));
    }

    [Fact]
    public void Every_mapped_leaf_names_a_field_of_its_read_model()
    {
        var models = new (FilterInputMapping Mapping, ReadModelDescription Model)[]
        {
            (FilterInputMapping.Task, TaskQueryModel.ReadModel),
            (FilterInputMapping.Function, FunctionQueryModel.ReadModel),
            (FilterInputMapping.Schedule, ScheduleQueryModel.ReadModel),
        };
        foreach (var (mapping, model) in models)
        {
            foreach (var field in mapping.Fields.Values.SelectMany(f => f.Nested?.Fields.Values ?? [f]))
            {
                Assert.True(model.TryGetField(field.ReadModelField!, out var described), field.Name);
                Assert.Equal(described.Kind, field.Kind);
            }
        }
    }

    [Fact]
    public void An_empty_or_is_refused()
    {
        AssertValidation("where.or", () => Tasks(Obj(("or", List()))));
    }

    [Fact]
    public void An_unknown_field_is_refused_with_its_path()
    {
        AssertValidation("where.and[1].version", () => Tasks(Obj(("and", List(Obj(), Obj(("version", Obj(("eq", 1)))))))));
    }

    [Fact]
    public void Combinators_do_not_exist_inside_the_error_object()
    {
        AssertValidation("where.error.and", () => Tasks(Obj(("error", Obj(("and", List()))))));
    }

    [Fact]
    public void An_operator_the_fields_kind_lacks_is_refused()
    {
        AssertValidation("where.status.contains", () => Tasks(Obj(("status", Obj(("contains", "new"))))));
        AssertValidation("where.priority.like", () => Tasks(Obj(("priority", Obj(("like", "1*"))))));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused()
    {
        AssertValidation("where.priority.eq", () => Tasks(Obj(("priority", Obj(("eq", "1"))))));
        AssertValidation("where.id.eq", () => Tasks(Obj(("id", Obj(("eq", SomeId.ToString()))))));
    }

    [Fact]
    public void An_enum_value_the_read_model_does_not_store_is_refused()
    {
        // The schema's enum names (IN_PROGRESS) are bound to the stored values (inProgress); an unbound name is a bug.
        var error = AssertValidation("where.status.in[1]", () => Tasks(Obj(("status", Obj(("in", List("new", "IN_PROGRESS")))))));
        Assert.Contains("inProgress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_with_a_nul_character_is_refused()
    {
        AssertValidation("where.functionName.eq", () => Tasks(Obj(("functionName", Obj(("eq", "a\0b"))))));
    }

    [Fact]
    public void A_list_operator_needs_a_list_without_nulls()
    {
        AssertValidation("where.functionName.in", () => Tasks(Obj(("functionName", Obj(("in", "a"))))));
        AssertValidation("where.functionName.nin[0]", () => Tasks(Obj(("functionName", Obj(("nin", List(null, "a")))))));
    }

    [Fact]
    public void An_input_object_must_be_an_object()
    {
        AssertValidation("where", () => FilterInputTranslator.Translate(FilterInputMapping.Task, "status = new"));
        AssertValidation("where.not", () => Tasks(Obj(("not", List()))));
        AssertValidation("where.or[0]", () => Tasks(Obj(("or", List("x")))));
    }

    [Fact]
    public void Error_paths_start_with_the_argument_name()
    {
        AssertValidation("filter.priority.eq", () => FilterInputTranslator.Translate(FilterInputMapping.Task, Obj(("priority", Obj(("eq", "x")))), "filter"));
    }
}
