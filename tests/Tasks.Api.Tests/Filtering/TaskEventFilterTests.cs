using Tasks.Api.Filtering;
using static Tasks.Api.Tests.Filtering.FilterTrees;

namespace Tasks.Api.Tests.Filtering;

public sealed class TaskEventFilterTests
{
    private static readonly Guid TaskA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid TaskB = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static TaskEventFacts Event(string type = "task-created", string? functionName = "resize-image", Guid? taskId = null, params string[] tags) =>
        new(taskId ?? TaskA, type, functionName, tags);

    private static Func<TaskEventFacts, bool> Where(params (string Name, object? Value)[] fields) => TaskEventFilter.Compile(Obj(fields));

    [Fact]
    public void No_filter_lets_every_event_through()
    {
        Assert.True(TaskEventFilter.Compile(null)(Event()));
        Assert.True(TaskEventFilter.Compile(Obj())(Event(functionName: null)));
    }

    [Fact]
    public void Type_conditions_compare_the_stored_event_names()
    {
        var failed = Event("task-failed");
        var created = Event("task-created");

        Assert.True(Where(("type", Obj(("eq", "task-failed"))))(failed));
        Assert.False(Where(("type", Obj(("eq", "task-failed"))))(created));
        Assert.True(Where(("type", Obj(("neq", "task-failed"))))(created));
        Assert.True(Where(("type", Obj(("in", List("task-retried", "task-failed")))))(failed));
        Assert.False(Where(("type", Obj(("nin", List("task-retried", "task-failed")))))(failed));
    }

    [Fact]
    public void An_event_type_that_is_not_a_stored_name_is_refused()
    {
        AssertValidation("where.type.eq", () => Where(("type", Obj(("eq", "FAILED")))));
    }

    [Fact]
    public void Task_id_conditions_compare_uuids()
    {
        Assert.True(Where(("taskId", Obj(("eq", TaskA))))(Event(taskId: TaskA)));
        Assert.False(Where(("taskId", Obj(("eq", TaskA))))(Event(taskId: TaskB)));
        Assert.True(Where(("taskId", Obj(("neq", TaskA))))(Event(taskId: TaskB)));
        Assert.True(Where(("taskId", Obj(("in", List(TaskB)))))(Event(taskId: TaskB)));
        Assert.True(Where(("taskId", Obj(("nin", List(TaskB)))))(Event(taskId: TaskA)));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000002", "00000000-0000-0000-0000-000000000001")]
    [InlineData("80000000-0000-0000-0000-000000000000", "7fffffff-ffff-ffff-ffff-ffffffffffff")]
    [InlineData("00000000-8000-0000-0000-000000000000", "00000000-7fff-ffff-ffff-ffffffffffff")]
    [InlineData("00000000-0000-0000-8000-000000000000", "00000000-0000-0000-7fff-ffffffffffff")]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff", "fffffffe-ffff-ffff-ffff-ffffffffffff")]
    public void Task_ids_order_as_postgresql_orders_uuids(string larger, string smaller)
    {
        var high = Event(taskId: Guid.Parse(larger));
        var low = Event(taskId: Guid.Parse(smaller));
        var bound = Guid.Parse(smaller);

        Assert.True(Where(("taskId", Obj(("gt", bound))))(high));
        Assert.False(Where(("taskId", Obj(("gt", bound))))(low));
        Assert.True(Where(("taskId", Obj(("gte", bound))))(low));
        Assert.False(Where(("taskId", Obj(("lt", bound))))(high));
        Assert.True(Where(("taskId", Obj(("lte", Guid.Parse(larger)))))(low));
    }

    [Theory]
    [InlineData("eq", "resize-image", true)]
    [InlineData("eq", "Resize-image", false)]
    [InlineData("neq", "resize-image", false)]
    [InlineData("gt", "resize", true)]
    [InlineData("gt", "resize-image", false)]
    [InlineData("gte", "resize-image", true)]
    [InlineData("lt", "resize-imagf", true)]
    [InlineData("lt", "Z", false)]
    [InlineData("lte", "resize-image", true)]
    [InlineData("contains", "ze-im", true)]
    [InlineData("contains", "ZE", false)]
    [InlineData("contains", "", true)]
    [InlineData("ncontains", "ze-im", false)]
    [InlineData("ncontains", "xyz", true)]
    [InlineData("startsWith", "resize", true)]
    [InlineData("startsWith", "image", false)]
    [InlineData("nstartsWith", "resize", false)]
    [InlineData("nstartsWith", "image", true)]
    [InlineData("endsWith", "image", true)]
    [InlineData("endsWith", "resize", false)]
    [InlineData("nendsWith", "image", false)]
    [InlineData("nendsWith", "resize", true)]
    [InlineData("like", "res*-?mage", true)]
    [InlineData("like", "resize", false)]
    [InlineData("like", "*", true)]
    [InlineData("nlike", "res*-?mage", false)]
    [InlineData("nlike", "?", true)]
    public void Function_name_operators_compare_case_sensitively(string op, string operand, bool expected)
    {
        Assert.Equal(expected, Where(("functionName", Obj((op, operand))))(Event(functionName: "resize-image")));
    }

    [Fact]
    public void In_and_nin_check_membership()
    {
        Assert.True(Where(("functionName", Obj(("in", List("a", "resize-image")))))(Event()));
        Assert.False(Where(("functionName", Obj(("nin", List("a", "resize-image")))))(Event()));
    }

    [Theory]
    [InlineData("eq", "f", false)]
    [InlineData("gt", "", false)]
    [InlineData("contains", "", false)]
    [InlineData("startsWith", "", false)]
    [InlineData("like", "*", false)]
    [InlineData("neq", "f", true)]
    [InlineData("ncontains", "f", true)]
    [InlineData("nstartsWith", "f", true)]
    [InlineData("nendsWith", "f", true)]
    [InlineData("nlike", "*", true)]
    public void On_a_missing_function_name_only_negative_operators_hold(string op, string operand, bool expected)
    {
        Assert.Equal(expected, Where(("functionName", Obj((op, operand))))(Event(functionName: null)));
    }

    [Fact]
    public void On_a_missing_function_name_nin_holds_and_in_does_not()
    {
        Assert.True(Where(("functionName", Obj(("nin", List("f")))))(Event(functionName: null)));
        Assert.False(Where(("functionName", Obj(("in", List("f")))))(Event(functionName: null)));
    }

    [Fact]
    public void An_explicit_null_eq_matches_a_missing_function_name()
    {
        Assert.True(Where(("functionName", Obj(("eq", null))))(Event(functionName: null)));
        Assert.False(Where(("functionName", Obj(("eq", null))))(Event(functionName: "f")));
        Assert.True(Where(("functionName", Obj(("neq", null))))(Event(functionName: "f")));
        Assert.False(Where(("functionName", Obj(("neq", null))))(Event(functionName: null)));
    }

    [Fact]
    public void Strings_order_by_code_point_not_by_utf16_unit()
    {
        // U+1F600 is a surrogate pair in UTF-16, whose units sort below U+FFFD; by code point it is above.
        var emoji = Event(functionName: "\U0001F600");

        Assert.True(Where(("functionName", Obj(("gt", "\uFFFD"))))(emoji));
        Assert.False(Where(("functionName", Obj(("lt", "\uFFFD"))))(emoji));
        Assert.True(Where(("functionName", Obj(("lt", "a"))))(Event(functionName: "Z")));
    }

    [Fact]
    public void A_question_mark_matches_one_character_even_beyond_the_basic_plane()
    {
        Assert.True(Where(("functionName", Obj(("like", "a?b"))))(Event(functionName: "a\U0001F600b")));
        Assert.False(Where(("functionName", Obj(("like", "a??b"))))(Event(functionName: "a\U0001F600b")));
    }

    [Theory]
    [InlineData(@"a\*b", "a*b", true)]
    [InlineData(@"a\*b", "axb", false)]
    [InlineData(@"a\?", "a?", true)]
    [InlineData(@"a\?", "ax", false)]
    [InlineData(@"a\\*", @"a\bc", true)]
    [InlineData(@"a\b", @"a\b", true)]
    [InlineData(@"a\", @"a\", true)]
    [InlineData("a*b*c", "aXbYbc", true)]
    [InlineData("a*b*c", "aXbYbcd", false)]
    [InlineData("**", "", true)]
    [InlineData("?*", "", false)]
    public void Like_patterns_mean_what_they_mean_in_sql(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, Where(("functionName", Obj(("like", pattern))))(Event(functionName: value)));
    }

    [Fact]
    public void StartsWith_takes_its_value_literally()
    {
        Assert.True(Where(("functionName", Obj(("startsWith", "a*?"))))(Event(functionName: "a*?z")));
        Assert.False(Where(("functionName", Obj(("startsWith", "a*?"))))(Event(functionName: "abcz")));
    }

    [Fact]
    public void Tag_quantifiers_follow_their_meaning_on_empty_and_full_lists()
    {
        var none = Event(tags: []);
        var some = Event(tags: ["red", "green"]);

        Assert.True(Where(("tags", Obj(("some", Obj(("eq", "red"))))))(some));
        Assert.False(Where(("tags", Obj(("some", Obj(("eq", "red"))))))(none));
        Assert.False(Where(("tags", Obj(("all", Obj(("eq", "red"))))))(some));
        Assert.True(Where(("tags", Obj(("all", Obj(("eq", "red"))))))(none));
        Assert.False(Where(("tags", Obj(("none", Obj(("eq", "red"))))))(some));
        Assert.True(Where(("tags", Obj(("none", Obj(("eq", "blue"))))))(some));
        Assert.True(Where(("tags", Obj(("any", true))))(some));
        Assert.False(Where(("tags", Obj(("any", true))))(none));
        Assert.True(Where(("tags", Obj(("any", false))))(none));
    }

    [Fact]
    public void Element_operators_in_one_object_hold_for_the_same_element()
    {
        var tagged = Event(tags: ["red", "green"]);

        Assert.False(Where(("tags", Obj(("some", Obj(("startsWith", "r"), ("endsWith", "n"))))))(tagged));
        Assert.True(Where(("tags", Obj(("some", Obj(("startsWith", "g"), ("endsWith", "n"))))))(tagged));
    }

    [Fact]
    public void Negated_patterns_under_quantifiers_keep_their_meaning()
    {
        var tagged = Event(tags: ["red", "green"]);

        Assert.True(Where(("tags", Obj(("some", Obj(("nstartsWith", "r"))))))(tagged));
        Assert.False(Where(("tags", Obj(("some", Obj(("nlike", "*e*"))))))(tagged));
        Assert.True(Where(("tags", Obj(("all", Obj(("nendsWith", "x"), ("contains", "e"))))))(tagged));
        Assert.False(Where(("tags", Obj(("all", Obj(("nendsWith", "d"))))))(tagged));
        Assert.True(Where(("tags", Obj(("none", Obj(("nlike", "*e*"))))))(tagged));
        Assert.False(Where(("tags", Obj(("some", Obj(("nstartsWith", "x"))))))(Event(tags: [])));
    }

    [Fact]
    public void Combinators_combine_as_in_queries()
    {
        var filter = TaskEventFilter.Compile(Obj(
            ("or", List(Obj(("type", Obj(("eq", "task-failed")))), Obj(("tags", Obj(("some", Obj(("eq", "urgent")))))))),
            ("not", Obj(("functionName", Obj(("startsWith", "test-")))))));

        Assert.True(filter(Event("task-failed", "billing")));
        Assert.True(filter(Event("task-created", "billing", null, "urgent")));
        Assert.False(filter(Event("task-created", "billing")));
        Assert.False(filter(Event("task-failed", "test-billing")));
    }

    [Fact]
    public void Depth_is_limited_as_for_task_queries()
    {
        object? Nested(int nots)
        {
            var where = Obj(("type", Obj(("eq", "task-created"))));
            for (var i = 0; i < nots; i++)
            {
                where = Obj(("not", where));
            }

            return where;
        }

        Assert.False(TaskEventFilter.Compile(Nested(9))(Event()));
        var error = AssertValidation("where", () => TaskEventFilter.Compile(Nested(10)));
        Assert.Equal("FilterTooDeep", error.Extensions!["reason"]);
    }

    [Fact]
    public void The_number_of_conditions_is_limited_as_for_task_queries()
    {
        object Conditions(int count) => Obj(("and", Enumerable.Range(0, count).Select(i => (object?)Obj(("functionName", Obj(("neq", $"f{i}"))))).ToArray()));

        Assert.True(TaskEventFilter.Compile(Conditions(100))(Event()));
        var error = AssertValidation("where", () => TaskEventFilter.Compile(Conditions(101)));
        Assert.Equal("TooManyConditions", error.Extensions!["reason"]);
    }

    [Fact]
    public void The_number_of_listed_values_is_limited_as_for_task_queries()
    {
        object?[] Names(int count) => Enumerable.Range(0, count).Select(i => (object?)$"f{i}").ToArray();

        Assert.True(Where(("functionName", Obj(("nin", Names(1000)))))(Event()));
        var error = AssertValidation("where.functionName.in", () => Where(("functionName", Obj(("in", Names(1001))))));
        Assert.Equal("TooManyValues", error.Extensions!["reason"]);
        AssertValidation("where.tags.some.nin", () => Where(("tags", Obj(("some", Obj(("nin", Names(1001))))))));
    }

    [Fact]
    public void Bad_input_is_refused_up_front_with_its_path()
    {
        AssertValidation("where.tags.some.like", () => Where(("tags", Obj(("some", Obj(("like", 1)))))));
        AssertValidation("where.taskId.contains", () => Where(("taskId", Obj(("contains", "0")))));
        AssertValidation("where.status", () => Where(("status", Obj(("eq", "new")))));
        AssertValidation("where.tags.some", () => Where(("tags", Obj(("some", Obj(("eq", "a"), ("nlike", "b")))))));
    }
}
