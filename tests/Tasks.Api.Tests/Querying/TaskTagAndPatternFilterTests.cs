using Tasks.Api.Tests.Support;

namespace Tasks.Api.Tests.Querying;

/// <summary>List quantifiers on tags, and the like-pattern language with its escapes, through HTTP.</summary>
[Collection(ApiHostGroup.Name)]
public sealed class TaskTagAndPatternFilterTests(ApiHost api)
{
    private static readonly DateTimeOffset T0 = new(2030, 2, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Tasks_filtered_by_a_tag_pattern_match_only_whole_tags()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("red", T0, tags: ["red", "crimson"]);
        await scope.CreateDirectAsync("reddish", T0, tags: ["reddish"]);
        await scope.CreateDirectAsync("darkRed", T0, tags: ["dark-red"]);
        await scope.CreateDirectAsync("untagged", T0);

        await scope.ExpectAsync("""{ tags: { some: { like: "red" } } }""", "red");
        await scope.ExpectAsync("""{ tags: { some: { eq: "red" } } }""", "red");
        await scope.ExpectAsync("""{ tags: { some: { startsWith: "red" } } }""", "red", "reddish");
        await scope.ExpectAsync("""{ tags: { some: { endsWith: "red" } } }""", "red", "darkRed");
        await scope.ExpectAsync("""{ tags: { some: { contains: "red" } } }""", "red", "reddish", "darkRed");
        await scope.ExpectAsync("""{ tags: { some: { like: "*red" } } }""", "red", "darkRed");
        await scope.ExpectAsync("""{ tags: { some: { like: "RED" } } }""");
    }

    [Fact]
    public async Task Tag_quantifiers_some_all_none_and_any_treat_an_empty_list_as_logic_does()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("xy", T0, tags: ["x", "y"]);
        await scope.CreateDirectAsync("x", T0, tags: ["x"]);
        await scope.CreateDirectAsync("z", T0, tags: ["z"]);
        await scope.CreateDirectAsync("empty", T0);

        await scope.ExpectAsync("""{ tags: { some: { eq: "x" } } }""", "xy", "x");
        await scope.ExpectAsync("""{ tags: { all: { eq: "x" } } }""", "x", "empty");
        await scope.ExpectAsync("""{ tags: { none: { eq: "x" } } }""", "z", "empty");
        await scope.ExpectAsync("""{ tags: { some: { in: ["y", "z"] } } }""", "xy", "z");
        await scope.ExpectAsync("""{ tags: { all: { in: ["x", "y"] } } }""", "xy", "x", "empty");
        await scope.ExpectAsync("""{ tags: { none: { in: ["y", "z"] } } }""", "x", "empty");
        await scope.ExpectAsync("""{ tags: { some: { neq: "x" } } }""", "xy", "z");
        await scope.ExpectAsync("""{ tags: { all: { neq: "x" } } }""", "z", "empty");
        await scope.ExpectAsync("""{ tags: { some: { nin: ["x"] } } }""", "xy", "z");
        await scope.ExpectAsync("""{ tags: { some: { gt: "x" } } }""", "xy", "z");
        await scope.ExpectAsync("""{ tags: { all: { lte: "x" } } }""", "x", "empty");
        await scope.ExpectAsync("""{ tags: { any: true } }""", "xy", "x", "z");
        await scope.ExpectAsync("""{ tags: { any: false } }""", "empty");
        await scope.ExpectAsync("""{ tags: { some: {} } }""", "xy", "x", "z");
        await scope.ExpectAsync("""{ tags: { none: {} } }""", "empty");
        await scope.ExpectAsync("""{ tags: { all: {} } }""", "xy", "x", "z", "empty");

        // Several conditions under one quantifier must hold for the same element.
        await scope.ExpectAsync("""{ tags: { some: { gte: "x", lt: "y" } } }""", "xy", "x");
        await scope.ExpectAsync("""{ tags: { some: { eq: "x" }, none: { eq: "y" } } }""", "x");
    }

    [Fact]
    public async Task Negated_patterns_on_tags_follow_the_quantifier_dualities()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("xy", T0, tags: ["x1", "y1"]);
        await scope.CreateDirectAsync("x", T0, tags: ["x1", "x2"]);
        await scope.CreateDirectAsync("y", T0, tags: ["y1"]);
        await scope.CreateDirectAsync("empty", T0);

        // some element does not start with x / every element does not / no element does not.
        await scope.ExpectAsync("""{ tags: { some: { nstartsWith: "x" } } }""", "xy", "y");
        await scope.ExpectAsync("""{ tags: { all: { nstartsWith: "x" } } }""", "y", "empty");
        await scope.ExpectAsync("""{ tags: { none: { nstartsWith: "x" } } }""", "x", "empty");
        await scope.ExpectAsync("""{ tags: { some: { nendsWith: "1" } } }""", "x");
        await scope.ExpectAsync("""{ tags: { some: { nlike: "?1" } } }""", "x");
        await scope.ExpectAsync("""{ tags: { all: { nlike: "x*", neq: "zz" } } }""", "y", "empty");
        await scope.ExpectAsync("""{ tags: { some: { ncontains: "1" } } }""", "x");
        await scope.ExpectAsync("""{ tags: { none: { ncontains: "1" } } }""", "xy", "y", "empty");
    }

    [Fact]
    public async Task Like_patterns_take_star_and_question_mark_as_wildcards_and_backslash_as_their_escape()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("star", T0, tags: ["a*c"]);
        await scope.CreateDirectAsync("question", T0, tags: ["a?c"]);
        await scope.CreateDirectAsync("backslash", T0, tags: [@"a\c"]);
        await scope.CreateDirectAsync("b", T0, tags: ["abc"]);
        await scope.CreateDirectAsync("bb", T0, tags: ["abbc"]);
        await scope.CreateDirectAsync("short", T0, tags: ["ac"]);
        string[] all = ["star", "question", "backslash", "b", "bb", "short"];

        await scope.ExpectVariableAsync(SomeTag("like", "a*c"), all);
        await scope.ExpectVariableAsync(SomeTag("like", "a?c"), "star", "question", "backslash", "b");
        await scope.ExpectVariableAsync(SomeTag("like", "a??c"), "bb");
        await scope.ExpectVariableAsync(SomeTag("like", "*"), all);
        await scope.ExpectVariableAsync(SomeTag("like", "?"));
        await scope.ExpectVariableAsync(SomeTag("like", @"a\*c"), "star");
        await scope.ExpectVariableAsync(SomeTag("like", @"a\?c"), "question");
        await scope.ExpectVariableAsync(SomeTag("like", @"a\\c"), "backslash");
        await scope.ExpectVariableAsync(SomeTag("like", @"*\**"), "star");
        await scope.ExpectVariableAsync(SomeTag("nlike", @"a\?c"), "star", "backslash", "b", "bb", "short");
        await scope.ExpectVariableAsync(new { tags = new { none = new { like = @"a\*c" } } }, "question", "backslash", "b", "bb", "short");
    }

    [Fact]
    public async Task A_backslash_before_any_other_character_or_at_the_end_of_a_pattern_is_a_literal_backslash()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("backslashC", T0, tags: [@"a\c"]);
        await scope.CreateDirectAsync("trailing", T0, tags: [@"a\"]);
        await scope.CreateDirectAsync("plain", T0, tags: ["ac"]);

        await scope.ExpectVariableAsync(SomeTag("like", @"a\c"), "backslashC");
        await scope.ExpectVariableAsync(SomeTag("like", @"a\"), "trailing");
        await scope.ExpectVariableAsync(SomeTag("like", @"a\\*"), "backslashC", "trailing");
        await scope.ExpectVariableAsync(SomeTag("like", @"a\*"));
    }

    [Fact]
    public async Task Sql_wildcards_in_patterns_and_in_plain_text_operators_match_only_themselves()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("percent", T0, tags: ["a%c"]);
        await scope.CreateDirectAsync("underscore", T0, tags: ["a_c"]);
        await scope.CreateDirectAsync("b", T0, tags: ["abc"]);
        await scope.CreateDirectAsync("long", T0, tags: ["axxxc"]);

        await scope.ExpectVariableAsync(SomeTag("like", "a%c"), "percent");
        await scope.ExpectVariableAsync(SomeTag("like", "a_c"), "underscore");
        await scope.ExpectVariableAsync(SomeTag("startsWith", "a%"), "percent");
        await scope.ExpectVariableAsync(SomeTag("startsWith", "a_"), "underscore");
        await scope.ExpectVariableAsync(SomeTag("endsWith", "%c"), "percent");
        await scope.ExpectVariableAsync(SomeTag("contains", "_"), "underscore");
        await scope.ExpectVariableAsync(SomeTag("contains", "%"), "percent");
    }

    [Fact]
    public async Task Starts_with_ends_with_and_contains_take_pattern_characters_literally()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("star", T0, tags: ["a*c"]);
        await scope.CreateDirectAsync("question", T0, tags: ["a?c"]);
        await scope.CreateDirectAsync("backslash", T0, tags: [@"a\c"]);
        await scope.CreateDirectAsync("b", T0, tags: ["abc"]);

        await scope.ExpectVariableAsync(SomeTag("startsWith", "a*"), "star");
        await scope.ExpectVariableAsync(SomeTag("startsWith", "a?"), "question");
        await scope.ExpectVariableAsync(SomeTag("startsWith", @"a\"), "backslash");
        await scope.ExpectVariableAsync(SomeTag("endsWith", "*c"), "star");
        await scope.ExpectVariableAsync(SomeTag("endsWith", "?c"), "question");
        await scope.ExpectVariableAsync(SomeTag("endsWith", @"\c"), "backslash");
        await scope.ExpectVariableAsync(SomeTag("contains", "*"), "star");
        await scope.ExpectVariableAsync(SomeTag("contains", "?"), "question");
        await scope.ExpectVariableAsync(SomeTag("contains", @"\"), "backslash");
        await scope.ExpectVariableAsync(new { tags = new { none = new { startsWith = "a*" } } }, "question", "backslash", "b");
        await scope.ExpectVariableAsync(new { tags = new { all = new { nendsWith = "?c" } } }, "star", "backslash", "b");
    }

    [Fact]
    public async Task Negated_string_operators_on_a_scalar_field_take_pattern_characters_literally()
    {
        var scope = await TaskScope.ByFunctionAsync(api);
        await scope.CreateDirectAsync("star", T0, user: "u*1");
        await scope.CreateDirectAsync("question", T0, user: "u?1");
        await scope.CreateDirectAsync("plain", T0, user: "ux1");

        await scope.ExpectVariableAsync(new { createdByUserId = new { like = "u?1" } }, "star", "question", "plain");
        await scope.ExpectVariableAsync(new { createdByUserId = new { like = @"u\?1" } }, "question");
        await scope.ExpectVariableAsync(new { createdByUserId = new { nstartsWith = "u*" } }, "question", "plain");
        await scope.ExpectVariableAsync(new { createdByUserId = new { nendsWith = "?1" } }, "star", "plain");
        await scope.ExpectVariableAsync(new { createdByUserId = new { ncontains = "*" } }, "question", "plain");
        await scope.ExpectVariableAsync(new { createdByUserId = new { nlike = @"u\*1" } }, "question", "plain");
    }

    private static Dictionary<string, object?> SomeTag(string op, string value) =>
        new() { ["tags"] = new Dictionary<string, object?> { ["some"] = new Dictionary<string, object?> { [op] = value } } };
}
