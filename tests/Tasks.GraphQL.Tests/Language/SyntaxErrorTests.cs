using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Every way the parser rejects a document, with its message and position.
public class SyntaxErrorTests
{
    [Theory]
    [InlineData("", "Unexpected <EOF>.", 1, 1)]
    [InlineData("   \n  ", "Unexpected <EOF>.", 2, 3)]
    [InlineData("# only a comment", "Unexpected <EOF>.", 1, 17)]
    public void A_document_needs_at_least_one_definition(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("{", "Expected Name, found <EOF>.", 1, 2)]
    [InlineData("{}", "Expected Name, found \"}\".", 1, 2)]
    [InlineData("{ f {} }", "Expected Name, found \"}\".", 1, 6)]
    [InlineData("{ f } }", "Unexpected \"}\".", 1, 7)]
    [InlineData("{ ... }", "Expected \"{\", found \"}\".", 1, 7)]
    [InlineData("{ ...on }", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("{ ... on T }", "Expected \"{\", found \"}\".", 1, 12)]
    [InlineData("{ f: }", "Expected Name, found \"}\".", 1, 6)]
    [InlineData("{ a: b: c }", "Expected Name, found \":\".", 1, 7)]
    [InlineData("{ 1 }", "Expected Name, found Int \"1\".", 1, 3)]
    [InlineData("{ \"s\" }", "Expected Name, found String \"s\".", 1, 3)]
    [InlineData("{ f @ }", "Expected Name, found \"}\".", 1, 7)]
    [InlineData("{\n  f(\n", "Expected Name, found <EOF>.", 3, 1)]
    public void Selection_sets_must_hold_selections(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("{ f() }", "Expected Name, found \")\".", 1, 5)]
    [InlineData("{ f(a) }", "Expected \":\", found \")\".", 1, 6)]
    [InlineData("{ f(a:) }", "Unexpected \")\".", 1, 7)]
    [InlineData("{ f(a: 1 }", "Expected Name, found \"}\".", 1, 10)]
    [InlineData("{ f(a: $) }", "Expected Name, found \")\".", 1, 9)]
    [InlineData("{ f(a: [1, 2) }", "Unexpected \")\".", 1, 13)]
    [InlineData("{ f(a: {b}) }", "Expected \":\", found \"}\".", 1, 10)]
    [InlineData("{ f(a: {b: }) }", "Unexpected \"}\".", 1, 12)]
    [InlineData("{ f(a: ...) }", "Unexpected \"...\".", 1, 8)]
    [InlineData("{ f @d() }", "Expected Name, found \")\".", 1, 8)]
    public void Arguments_and_values_must_be_complete(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("query", "Expected \"{\", found <EOF>.", 1, 6)]
    [InlineData("query Q", "Expected \"{\", found <EOF>.", 1, 8)]
    [InlineData("query Q()", "Expected \"$\", found \")\".", 1, 9)]
    [InlineData("query Q($a) { f }", "Expected \":\", found \")\".", 1, 11)]
    [InlineData("query Q($a: ) { f }", "Expected Name, found \")\".", 1, 13)]
    [InlineData("query Q($a: [Int) { f }", "Expected \"]\", found \")\".", 1, 17)]
    [InlineData("query Q($a: Int!!) { f }", "Expected \"$\", found \"!\".", 1, 17)]
    [InlineData("query Q(a: Int) { f }", "Expected \"$\", found Name \"a\".", 1, 9)]
    [InlineData("query Q($a: Int =) { f }", "Unexpected \")\".", 1, 18)]
    [InlineData("query Q @d { f } extra", "Unexpected Name \"extra\".", 1, 18)]
    [InlineData("Query { f }", "Unexpected Name \"Query\".", 1, 1)]
    [InlineData("notAnOperation { f }", "Unexpected Name \"notAnOperation\".", 1, 1)]
    [InlineData("... on T { f }", "Unexpected \"...\".", 1, 1)]
    [InlineData("[1]", "Unexpected \"[\".", 1, 1)]
    public void Operations_must_follow_the_grammar(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("fragment", "Expected Name, found <EOF>.", 1, 9)]
    [InlineData("fragment F { f }", "Expected \"on\", found \"{\".", 1, 12)]
    [InlineData("fragment F on { f }", "Expected Name, found \"{\".", 1, 15)]
    [InlineData("fragment F on T", "Expected \"{\", found <EOF>.", 1, 16)]
    [InlineData("fragment F($v: Int) on T { f }", "Expected \"on\", found \"(\".", 1, 11)]
    public void Fragments_must_follow_the_grammar(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Fact]
    public void A_fragment_cannot_be_named_on()
    {
        var error = ParseFails("fragment on on T { f }", "Syntax Error: Unexpected Name \"on\", a fragment cannot be named \"on\".", 1, 10);

        Assert.Equal(SyntaxErrorCode.ReservedName, error.Code);
    }

    [Theory]
    [InlineData("query Q($a: Int = $b) { f }", "$b", 19)]
    [InlineData("query Q($a: [Int] = [1, $b]) { f }", "$b", 25)]
    [InlineData("query Q($a: In = {b: $c}) { f }", "$c", 22)]
    [InlineData("query Q($a: Int @d(x: $y)) { f }", "$y", 23)]
    [InlineData("type T { f(a: Int = $v): Int }", "$v", 21)]
    [InlineData("type T { f: Int @d(a: $v) }", "$v", 23)]
    [InlineData("type T @d(a: $v)", "$v", 14)]
    [InlineData("schema @d(a: $v) { query: Q }", "$v", 14)]
    [InlineData("enum E { A @d(a: $v) }", "$v", 18)]
    [InlineData("input I { f: Int = $v }", "$v", 20)]
    [InlineData("directive @d(a: Int = $v) on FIELD", "$v", 23)]
    [InlineData("extend type T @d(a: $v)", "$v", 21)]
    [InlineData("query Q($a: Int = $) { f }", "$", 19)]
    public void Variables_are_not_allowed_in_constant_values(string source, string variable, int column)
    {
        var error = ParseFails(source, $"Syntax Error: Unexpected variable \"{variable}\" in constant value.", 1, column);

        Assert.Equal(SyntaxErrorCode.UnexpectedVariable, error.Code);
    }

    [Theory]
    [InlineData("enum E { true }", "true", 10)]
    [InlineData("enum E { A false }", "false", 12)]
    [InlineData("enum E { \"described\" null }", "null", 22)]
    [InlineData("extend enum E { true }", "true", 17)]
    public void True_false_and_null_cannot_be_enum_values(string source, string name, int column)
    {
        var error = ParseFails(source, $"Syntax Error: Name \"{name}\" is reserved and cannot be used for an enum value.", 1, column);

        Assert.Equal(SyntaxErrorCode.ReservedName, error.Code);
    }

    [Theory]
    [InlineData("type T {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("interface I {}", "Expected Name, found \"}\".", 1, 14)]
    [InlineData("input I {}", "Expected Name, found \"}\".", 1, 10)]
    [InlineData("enum E {}", "Expected Name, found \"}\".", 1, 9)]
    [InlineData("type T { f(): Int }", "Expected Name, found \")\".", 1, 12)]
    [InlineData("directive @d() on FIELD", "Expected Name, found \")\".", 1, 14)]
    [InlineData("schema {}", "Unexpected \"}\".", 1, 9)]
    [InlineData("schema @d", "Expected \"{\", found <EOF>.", 1, 10)]
    [InlineData("schema { query }", "Expected \":\", found \"}\".", 1, 16)]
    [InlineData("schema { fetch: Q }", "Unexpected Name \"fetch\".", 1, 10)]
    [InlineData("schema { query: [Q] }", "Expected Name, found \"[\".", 1, 17)]
    [InlineData("type T { f }", "Expected \":\", found \"}\".", 1, 12)]
    [InlineData("type T { f: }", "Expected Name, found \"}\".", 1, 13)]
    [InlineData("type T { f(a): Int }", "Expected \":\", found \")\".", 1, 13)]
    [InlineData("type T implements", "Expected Name, found <EOF>.", 1, 18)]
    [InlineData("type T implements & & A", "Expected Name, found \"&\".", 1, 21)]
    [InlineData("type T implements A & { f: Int }", "Expected Name, found \"{\".", 1, 23)]
    [InlineData("type T implements A, B { f: Int }", "Unexpected Name \"B\".", 1, 22)]
    [InlineData("union U =", "Expected Name, found <EOF>.", 1, 10)]
    [InlineData("union U = | | A", "Expected Name, found \"|\".", 1, 13)]
    [InlineData("union U = A |", "Expected Name, found <EOF>.", 1, 14)]
    [InlineData("scalar", "Expected Name, found <EOF>.", 1, 7)]
    [InlineData("scalar S @", "Expected Name, found <EOF>.", 1, 11)]
    [InlineData("input I { f(a: Int): Int }", "Expected \":\", found \"(\".", 1, 12)]
    public void Type_definitions_must_follow_the_grammar(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("directive d on FIELD", "Expected \"@\", found Name \"d\".", 1, 11)]
    [InlineData("directive @d FIELD", "Expected \"on\", found Name \"FIELD\".", 1, 14)]
    [InlineData("directive @d(a: Int) FIELD", "Expected \"on\", found Name \"FIELD\".", 1, 22)]
    [InlineData("directive @d repeatable", "Expected \"on\", found <EOF>.", 1, 24)]
    [InlineData("directive @d on", "Expected directive location, found <EOF>.", 1, 16)]
    [InlineData("directive @d on FOO", "Expected directive location, found Name \"FOO\".", 1, 17)]
    [InlineData("directive @d on | | FIELD", "Expected directive location, found \"|\".", 1, 19)]
    [InlineData("directive @d on FIELD |", "Expected directive location, found <EOF>.", 1, 24)]
    [InlineData("directive @d on FIELD, QUERY", "Unexpected Name \"QUERY\".", 1, 24)]
    [InlineData("directive @d on repeatable FIELD", "Expected directive location, found Name \"repeatable\".", 1, 17)]
    public void Directive_definitions_must_follow_the_grammar(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("extend", "Unexpected <EOF>.", 1, 7)]
    [InlineData("extend foo", "Unexpected Name \"foo\".", 1, 8)]
    [InlineData("extend directive @d on FIELD", "Unexpected Name \"directive\".", 1, 8)]
    [InlineData("extend scalar", "Expected Name, found <EOF>.", 1, 14)]
    public void An_extension_must_name_what_it_extends(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("extend schema", "\"@\" or \"{\"", 14)]
    [InlineData("extend scalar S", "\"@\"", 16)]
    [InlineData("extend type T", "\"implements\", \"@\" or \"{\"", 14)]
    [InlineData("extend interface I", "\"implements\", \"@\" or \"{\"", 19)]
    [InlineData("extend union U", "\"@\" or \"=\"", 15)]
    [InlineData("extend enum E", "\"@\" or \"{\"", 14)]
    [InlineData("extend input I", "\"@\" or \"{\"", 15)]
    public void An_extension_must_add_something(string source, string expected, int column)
    {
        var error = ParseFails(source, $"Syntax Error: Expected {expected}, found <EOF>: an extension must add something.", 1, column);

        Assert.Equal(SyntaxErrorCode.EmptyExtension, error.Code);
    }

    [Fact]
    public void An_empty_extension_is_reported_at_whatever_follows_it()
    {
        ParseFails("extend type T\ntype U", "Syntax Error: Expected \"implements\", \"@\" or \"{\", found Name \"type\": an extension must add something.", 2, 1);
    }

    [Theory]
    [InlineData("\"description\" extend type T @d", "Unexpected description, descriptions are not supported on type extensions.")]
    [InlineData("\"\"\"description\"\"\" extend schema @d", "Unexpected description, descriptions are not supported on type extensions.")]
    [InlineData("\"description\" { f }", "Unexpected description, descriptions are not supported on shorthand queries.")]
    public void Descriptions_are_not_allowed_on_extensions_or_query_shorthands(string source, string reason)
    {
        var error = ParseFails(source, "Syntax Error: " + reason, 1, 1);

        Assert.Equal(SyntaxErrorCode.UnexpectedDescription, error.Code);
    }

    [Theory]
    [InlineData("\"description\"", "Unexpected <EOF>.", 1, 14)]
    [InlineData("\"description\" foo", "Unexpected Name \"foo\".", 1, 15)]
    [InlineData("\"one\" \"two\" type T", "Unexpected String \"two\".", 1, 7)]
    [InlineData("type T { \"description\" }", "Expected Name, found \"}\".", 1, 24)]
    [InlineData("{ \"description\" f }", "Expected Name, found String \"description\".", 1, 3)]
    public void A_description_must_precede_something_it_can_describe(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Theory]
    [InlineData("{ f(a: 00) }", "Invalid number, unexpected digit after 0: \"0\".", 1, 9)]
    [InlineData("{ f(a: \"open) }", "Unterminated string.", 1, 16)]
    [InlineData("query {\n  f(a: 1.)\n}", "Invalid number, expected digit but got: \")\".", 2, 10)]
    [InlineData("{ f(a: ?) }", "Unexpected character: \"?\".", 1, 8)]
    public void Lexical_errors_surface_through_the_parser_with_their_position(string source, string reason, int line, int column)
    {
        ParseFails(source, "Syntax Error: " + reason, line, column);
    }

    [Fact]
    public void A_syntax_error_quotes_the_offending_line()
    {
        var error = ParseFails("query {\n  field(arg: )\n}", "Syntax Error: Unexpected \")\".", 2, 14);

        Assert.Equal(
            "Syntax Error: Unexpected \")\".\n\nGraphQL request (2:14)\n2 |   field(arg: )\n  |              ^",
            error.ToDetailedString());
        Assert.Equal("Unexpected \")\".", error.Reason);
        Assert.Equal(SyntaxErrorCode.UnexpectedToken, error.Code);
        Assert.Equal(21, error.Position);
    }
}
