using System.Text.Json.Nodes;
using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Tests.Execution.Support;
using Tasks.GraphQL.TypeSystem.Building;
using static Tasks.GraphQL.Tests.Execution.Support.TestRequests;

namespace Tasks.GraphQL.Tests.Introspection;

/// <summary>Spec §4: the standard introspection query over a schema using every kind of type.</summary>
public sealed class IntrospectionQuerySpecs
{
    private const string Sdl = """
        "The test schema"
        schema { query: Query mutation: Mutation subscription: Subscription }

        scalar DateTime

        "An entity with an id"
        interface Node { id: ID! }

        interface Named implements Node { id: ID! name: String }

        "A person"
        type Person implements Node & Named {
          id: ID!
          name: String
          "Their friends"
          friends(first: Int = 10, after: String @deprecated(reason: "use cursor")): [Person!]!
          born: DateTime
          oldName: String @deprecated(reason: "use name")
          matrix: [[Int!]]!
        }

        type Robot implements Node { id: ID! model: String }

        union Being = Person | Robot

        enum Mood { HAPPY "Not happy" SAD @deprecated(reason: "be happy") }

        input PersonFilter { name: String = "Ada" moods: [Mood!] = [HAPPY] legacy: Int @deprecated }

        input Lookup @oneOf { id: ID name: String }

        "How much a field costs"
        directive @cost(weight: Int!) repeatable on FIELD_DEFINITION | OBJECT

        type Query { node(id: ID!): Node people(filter: PersonFilter): [Person] find(by: Lookup!): Being }
        type Mutation { rename(id: ID!, name: String!): Person }
        type Subscription { moods: Mood }
        """;

    private static readonly RequestExecutor Executor = SchemaBuilder.FromSdl(Sdl)
        .Resolve("Query", "find", _ => new Dictionary<string, object?> { ["__typename"] = "Robot", ["id"] = "r1" })
        .Executor();

    private static readonly Lazy<JsonObject> Result = new(() => Executor.RunAsync(Tasks.GraphQL.Introspection.IntrospectionQuery.Text).GetAwaiter().GetResult());

    private static JsonObject Schema => Result.Value["data"]!["__schema"]!.AsObject();

    [Fact]
    public void The_standard_introspection_query_runs_within_the_default_limits()
    {
        Assert.Empty(Result.Value.Messages());
    }

    [Fact]
    public void The_schema_reports_its_description_root_types_and_every_type_including_built_in_and_introspection_types()
    {
        Assert.Equal("The test schema", (string?)Schema["description"]);
        JsonEqual("""{"name":"Query","kind":"OBJECT"}""", Schema["queryType"]);
        JsonEqual("""{"name":"Mutation","kind":"OBJECT"}""", Schema["mutationType"]);
        JsonEqual("""{"name":"Subscription","kind":"OBJECT"}""", Schema["subscriptionType"]);
        var names = Schema["types"]!.AsArray().Select(t => (string)t!["name"]!).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Superset(
            new HashSet<string>(["Query", "Mutation", "Subscription", "Node", "Named", "Person", "Robot", "Being", "Mood", "PersonFilter", "Lookup", "DateTime",
                "String", "Int", "Float", "Boolean", "ID", "__Schema", "__Type", "__Field", "__InputValue", "__EnumValue", "__Directive", "__TypeKind", "__DirectiveLocation"]),
            new HashSet<string>(names));
    }

    [Fact]
    public void An_object_type_reports_its_fields_arguments_interfaces_and_deprecations()
    {
        var person = TypeNamed("Person");

        Assert.Equal("OBJECT", (string?)person["kind"]);
        Assert.Equal("A person", (string?)person["description"]);
        Assert.Null(person["isOneOf"]);
        Assert.Null(person["inputFields"]);
        Assert.Null(person["enumValues"]);
        Assert.Null(person["possibleTypes"]);
        JsonEqual("""[{"kind":"INTERFACE","name":"Node","ofType":null},{"kind":"INTERFACE","name":"Named","ofType":null}]""", person["interfaces"]);
        var friends = FieldNamed(person, "friends");
        Assert.Equal("Their friends", (string?)friends["description"]);
        JsonEqual(
            """{"kind":"NON_NULL","name":null,"ofType":{"kind":"LIST","name":null,"ofType":{"kind":"NON_NULL","name":null,"ofType":{"kind":"OBJECT","name":"Person","ofType":null}}}}""",
            friends["type"]);
        JsonEqual(
            """
            [{"name":"first","description":null,"type":{"kind":"SCALAR","name":"Int","ofType":null},"defaultValue":"10","isDeprecated":false,"deprecationReason":null},
             {"name":"after","description":null,"type":{"kind":"SCALAR","name":"String","ofType":null},"defaultValue":null,"isDeprecated":true,"deprecationReason":"use cursor"}]
            """,
            friends["args"]);
        var oldName = FieldNamed(person, "oldName");
        Assert.True((bool)oldName["isDeprecated"]!);
        Assert.Equal("use name", (string?)oldName["deprecationReason"]);
        Assert.False((bool)FieldNamed(person, "name")["isDeprecated"]!);
        JsonEqual(
            """{"kind":"NON_NULL","name":null,"ofType":{"kind":"LIST","name":null,"ofType":{"kind":"LIST","name":null,"ofType":{"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"Int","ofType":null}}}}}""",
            FieldNamed(person, "matrix")["type"]);
    }

    [Fact]
    public void Interfaces_and_unions_report_their_possible_types()
    {
        var node = TypeNamed("Node");
        var named = TypeNamed("Named");
        var being = TypeNamed("Being");

        Assert.Equal("INTERFACE", (string?)node["kind"]);
        Assert.Equal("An entity with an id", (string?)node["description"]);
        Assert.Equal(["Person", "Robot"], PossibleTypes(node));
        JsonEqual("""[{"kind":"INTERFACE","name":"Node","ofType":null}]""", named["interfaces"]);
        Assert.Equal(["Person"], PossibleTypes(named));
        Assert.Equal("UNION", (string?)being["kind"]);
        Assert.Equal(["Person", "Robot"], PossibleTypes(being));
        Assert.Null(being["fields"]);
        Assert.Null(being["interfaces"]);
    }

    [Fact]
    public void Enums_report_their_values_with_deprecations()
    {
        JsonEqual(
            """
            [{"name":"HAPPY","description":null,"isDeprecated":false,"deprecationReason":null},
             {"name":"SAD","description":"Not happy","isDeprecated":true,"deprecationReason":"be happy"}]
            """,
            TypeNamed("Mood")["enumValues"]);
    }

    [Fact]
    public void Input_objects_report_their_fields_with_defaults_printed_as_graphql_and_whether_they_are_one_of()
    {
        var filter = TypeNamed("PersonFilter");

        Assert.Equal("INPUT_OBJECT", (string?)filter["kind"]);
        Assert.False((bool)filter["isOneOf"]!);
        Assert.Null(filter["fields"]);
        var fields = filter["inputFields"]!.AsArray();
        Assert.Equal(["name", "moods", "legacy"], fields.Select(f => (string)f!["name"]!));
        Assert.Equal("\"Ada\"", (string?)fields[0]!["defaultValue"]);
        Assert.Equal("[HAPPY]", (string?)fields[1]!["defaultValue"]);
        JsonEqual("""{"kind":"LIST","name":null,"ofType":{"kind":"NON_NULL","name":null,"ofType":{"kind":"ENUM","name":"Mood","ofType":null}}}""", fields[1]!["type"]);
        Assert.True((bool)fields[2]!["isDeprecated"]!);
        Assert.Equal("No longer supported", (string?)fields[2]!["deprecationReason"]);
        Assert.True((bool)TypeNamed("Lookup")["isOneOf"]!);
    }

    [Fact]
    public void Scalars_report_the_url_that_specifies_them()
    {
        Assert.Equal("SCALAR", (string?)TypeNamed("DateTime")["kind"]);
        Assert.Equal("https://scalars.graphql.org/andimarek/date-time", (string?)TypeNamed("DateTime")["specifiedByURL"]);
        Assert.Null(TypeNamed("String")["specifiedByURL"]);
        Assert.Null(TypeNamed("String")["fields"]);
    }

    [Fact]
    public void Directives_include_the_built_in_ones_with_their_locations_arguments_and_repeatability()
    {
        var directives = Schema["directives"]!.AsArray().ToDictionary(d => (string)d!["name"]!, d => d!.AsObject());

        Assert.Superset(new HashSet<string>(["skip", "include", "deprecated", "specifiedBy", "oneOf", "cost"]), new HashSet<string>(directives.Keys));
        JsonEqual("""["FIELD","FRAGMENT_SPREAD","INLINE_FRAGMENT"]""", directives["skip"]["locations"]);
        JsonEqual(
            """[{"name":"if","description":"Skipped when true.","type":{"kind":"NON_NULL","name":null,"ofType":{"kind":"SCALAR","name":"Boolean","ofType":null}},"defaultValue":null,"isDeprecated":false,"deprecationReason":null}]""",
            directives["skip"]["args"]);
        Assert.Equal("\"No longer supported\"", (string?)directives["deprecated"]["args"]![0]!["defaultValue"]);
        Assert.False((bool)directives["deprecated"]["isRepeatable"]!);
        Assert.True((bool)directives["cost"]["isRepeatable"]!);
        Assert.Equal("How much a field costs", (string?)directives["cost"]["description"]);
        JsonEqual("""["FIELD_DEFINITION","OBJECT"]""", directives["cost"]["locations"]);
        JsonEqual("""["INPUT_OBJECT"]""", directives["oneOf"]["locations"]);
    }

    [Fact]
    public void The_introspection_types_describe_themselves_with_every_field_of_the_current_specification()
    {
        Assert.Equal(
            ["kind", "name", "description", "specifiedByURL", "fields", "interfaces", "possibleTypes", "enumValues", "inputFields", "ofType", "isOneOf"],
            FieldNames("__Type"));
        Assert.Equal(["description", "types", "queryType", "mutationType", "subscriptionType", "directives"], FieldNames("__Schema"));
        Assert.Equal(["name", "description", "args", "type", "isDeprecated", "deprecationReason"], FieldNames("__Field"));
        Assert.Equal(["name", "description", "type", "defaultValue", "isDeprecated", "deprecationReason"], FieldNames("__InputValue"));
        Assert.Equal(["name", "description", "isDeprecated", "deprecationReason"], FieldNames("__EnumValue"));
        Assert.Equal(["name", "description", "isRepeatable", "locations", "args"], FieldNames("__Directive"));
        Assert.Equal(
            ["SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL"],
            TypeNamed("__TypeKind")["enumValues"]!.AsArray().Select(v => (string)v!["name"]!));
        Assert.Equal(19, TypeNamed("__DirectiveLocation")["enumValues"]!.AsArray().Count);
        var includeDeprecated = FieldNamed(TypeNamed("__Type"), "fields")["args"]![0]!;
        Assert.Equal("includeDeprecated", (string?)includeDeprecated["name"]);
        Assert.Equal("false", (string?)includeDeprecated["defaultValue"]);
    }

    [Fact]
    public async Task Deprecated_elements_are_left_out_unless_include_deprecated_is_true()
    {
        var response = await Executor.RunAsync("""
            {
              person: __type(name: "Person") { fields { name args { name } } }
              mood: __type(name: "Mood") { enumValues { name } }
              filter: __type(name: "PersonFilter") { inputFields { name } }
            }
            """);

        var fields = response["data"]!["person"]!["fields"]!.AsArray();
        Assert.DoesNotContain(fields, f => (string?)f!["name"] == "oldName");
        JsonEqual("""[{"name":"first"}]""", fields.Single(f => (string?)f!["name"] == "friends")!["args"]);
        JsonEqual("""[{"name":"HAPPY"}]""", response["data"]!["mood"]!["enumValues"]);
        JsonEqual("""[{"name":"name"},{"name":"moods"}]""", response["data"]!["filter"]!["inputFields"]);
    }

    [Fact]
    public async Task Type_looks_up_one_type_by_name_and_gives_null_for_an_unknown_name()
    {
        var response = await Executor.RunAsync("""{ robot: __type(name: "Robot") { name kind fields { name } } missing: __type(name: "Missing") { name } }""");

        JsonEqual("""{"data":{"robot":{"name":"Robot","kind":"OBJECT","fields":[{"name":"id"},{"name":"model"}]},"missing":null}}""", response);
    }

    [Fact]
    public async Task Typename_works_on_unions_and_at_the_root()
    {
        var response = await Executor.RunAsync("""{ __typename find(by: {id: "r1"}) { __typename ... on Robot { id } } }""");

        JsonEqual("""{"data":{"__typename":"Query","find":{"__typename":"Robot","id":"r1"}}}""", response);
    }

    private static JsonObject TypeNamed(string name) =>
        Schema["types"]!.AsArray().Single(t => (string?)t!["name"] == name)!.AsObject();

    private static JsonObject FieldNamed(JsonObject type, string name) =>
        type["fields"]!.AsArray().Single(f => (string?)f!["name"] == name)!.AsObject();

    private static IEnumerable<string> FieldNames(string type) =>
        TypeNamed(type)["fields"]!.AsArray().Select(f => (string)f!["name"]!);

    private static string[] PossibleTypes(JsonObject type) =>
        [.. type["possibleTypes"]!.AsArray().Select(t => (string)t!["name"]!).Order(StringComparer.Ordinal)];
}
