using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;
using Tasks.GraphQL.TypeSystem.Building;

namespace Tasks.GraphQL.Tests.TypeSystem;

public sealed class SchemaBuildingTests
{
    private const string Sdl = """
        "The library"
        schema { query: Query mutation: Mutation }

        "Something with an id"
        interface Node { id: ID! }

        interface Named implements Node { id: ID! name: String }

        type Book implements Node & Named {
          id: ID!
          name: String
          "Who wrote it"
          author(format: NameFormat = FULL): Author!
          published: DateTime @deprecated(reason: "use releases")
          tags: [String!]!
        }

        type Author implements Node { id: ID! name: String! books(first: Int = 10): [Book!]! }

        union SearchResult = Book | Author

        enum NameFormat { FULL INITIALS @deprecated }

        input BookFilter @oneOf { byId: ID byName: String }

        input NewBook { name: String! tags: [String!] = [] }

        scalar DateTime
        scalar JSON

        directive @cost(weight: Int!) repeatable on FIELD_DEFINITION

        type Query { book(id: ID!): Book search(text: String!): [SearchResult!]! find(filter: BookFilter!): Book node(id: ID!): Node }
        type Mutation { addBook(input: NewBook!): Book! }

        extend type Query { raw: JSON }
        """;

    [Fact]
    public void A_schema_built_from_SDL_has_every_type_field_argument_and_directive()
    {
        var schema = SchemaBuilder.FromSdl(Sdl).Build();

        Assert.Equal("Query", schema.Query.Name);
        Assert.Equal("Mutation", schema.Mutation?.Name);
        Assert.Null(schema.Subscription);
        Assert.Equal("The library", schema.Description);
        var book = Assert.IsType<ObjectType>(schema.GetType("Book"));
        Assert.Equal(["Node", "Named"], book.Interfaces.Select(i => i.Name));
        Assert.Equal("Author!", book.Fields["author"].Type.ToString());
        Assert.Equal("Who wrote it", book.Fields["author"].Description);
        Assert.Equal("FULL", Printer.Print(book.Fields["author"].Arguments["format"].DefaultValue!));
        Assert.Equal("use releases", book.Fields["published"].DeprecationReason);
        Assert.Equal("[String!]!", book.Fields["tags"].Type.ToString());
        Assert.Same(BuiltInScalars.DateTime, schema.GetType("DateTime"));
        Assert.True(Assert.IsType<InputObjectType>(schema.GetType("BookFilter")).IsOneOf);
        Assert.Equal("No longer supported", Assert.IsType<EnumType>(schema.GetType("NameFormat")).Values["INITIALS"].DeprecationReason);
        Assert.True(schema.GetDirective("cost")!.IsRepeatable);
        Assert.NotNull(schema.GetDirective("skip"));
        Assert.Contains("raw", schema.Query.Fields.Keys);
        Assert.Equal(["Book", "Author"], schema.GetPossibleTypes((IAbstractType)schema.GetType("Node")!).Select(t => t.Name));
        Assert.Equal(["Book", "Author"], schema.GetPossibleTypes((IAbstractType)schema.GetType("SearchResult")!).Select(t => t.Name));
    }

    [Fact]
    public void Resolvers_are_bound_to_their_fields_and_a_resolver_for_an_unknown_field_is_an_error()
    {
        var schema = SchemaBuilder.FromSdl(Sdl).Resolve("Query", "book", _ => null).Build();
        Assert.NotNull(schema.Query.Fields["book"].Resolver);

        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(Sdl).Resolve("Query", "bok", _ => null).Build());

        Assert.Contains("Query.bok", Assert.Single(error.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type Query { a: Missing }", "Unknown type \"Missing\"")]
    [InlineData("type Query", "Type Query must define one or more fields.")]
    [InlineData("type Query { a: Int } type Query { b: Int }", "There can be only one type named \"Query\".")]
    [InlineData("type Query { a: Int a: String }", "Field \"Query.a\" can only be defined once.")]
    [InlineData("type Query { a(x: Query): Int }", "must be Input Type")]
    [InlineData("input In { x: Int } type Query { a: In }", "must be Output Type")]
    [InlineData("type Query { __a: Int }", "must not begin with \"__\"")]
    [InlineData("type Other { a: Int }", "Query root type must be provided.")]
    [InlineData("interface I { a: Int } type Query implements I { b: Int }", "Interface field I.a expected but Query does not provide it.")]
    [InlineData("interface I { a: Int! } type Query implements I { a: Int }", "expects type Int! but Query.a is type Int")]
    [InlineData("interface I { a(x: Int): Int } type Query implements I { a: Int }", "Interface field argument I.a(x:) expected")]
    [InlineData("interface I { a: Int } type Query implements I { a(y: Int!): Int }", "must not be required type")]
    [InlineData("interface I { a: Int } interface J implements I { a: Int } type Query implements J { a: Int }", "Type Query must implement I because it is implemented by J.")]
    [InlineData("union U type Query { a: U }", "Union type U must define one or more member types.")]
    [InlineData("union U = Query | Query type Query { a: U }", "can only include type Query once")]
    [InlineData("enum E { A A } type Query { a: E }", "Enum value \"E.A\" can only be defined once.")]
    [InlineData("input In { self: In! } type Query { a(x: In): Int }", "Cannot reference Input Object \"In\" within itself")]
    [InlineData("input In @oneOf { a: Int! b: Int } type Query { a(x: In): Int }", "OneOf input field In.a must be nullable.")]
    [InlineData("type Query { a(x: Int! @deprecated): Int }", "cannot be deprecated")]
    [InlineData("scalar Money type Query { a: Money }", "Scalar \"Money\" has no implementation")]
    [InlineData("extend type Nope { a: Int } type Query { a: Int }", "Cannot extend type \"Nope\" because it is not defined.")]
    [InlineData("directive @skip on FIELD type Query { a: Int }", "Directive \"@skip\" already exists")]
    [InlineData("schema { query: Query mutation: Query } type Query { a: Int }", "must all be different types")]
    [InlineData("type Query { a: Int } query { a }", "cannot contain executable definitions")]
    [InlineData("type Query @unknown { a: Int }", "Unknown directive \"@unknown\" on Query.")]
    [InlineData("type Query { a: Int @oneOf }", "Directive \"@oneOf\" may not be used on FIELD_DEFINITION (Query.a).")]
    [InlineData("directive @tag(name: String!) on FIELD_DEFINITION type Query { a: Int @tag(name: \"x\") @tag(name: \"y\") }", "can only be used once at Query.a")]
    [InlineData("directive @tag(name: String!) on FIELD_DEFINITION type Query { a: Int @tag }", "argument \"name\" of type \"String!\" is required")]
    [InlineData("type Query { a: Int @deprecated(reason: 5) }", "has an invalid value 5")]
    [InlineData("type Query { a: Int @deprecated(why: \"x\") }", "Unknown argument \"why\" on directive \"@deprecated\"")]
    [InlineData("type Query { a(x: Int = \"one\"): Int }", "The default value \"one\" of Query.a.x is not a valid Int.")]
    [InlineData("input In { x: [Int!] = [1, null] } type Query { a(i: In): Int }", "is not a valid [Int!]")]
    public void A_schema_breaking_a_type_system_rule_is_refused_with_the_rule_named(string sdl, string expected)
    {
        var error = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl(sdl).Build());

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Repeatable_directives_and_valid_defaults_are_accepted()
    {
        var schema = SchemaBuilder.FromSdl("""
            directive @tag(name: String!) repeatable on FIELD_DEFINITION | OBJECT
            input In { x: [Int!] = [1, 2] y: Int = 3 }
            type Query @tag(name: "root") { a(i: In = {x: 1}): Int @tag(name: "x") @tag(name: "y") }
            """).Build();

        Assert.Equal(2, schema.Query.Fields["a"].Directives.Count);
    }

    [Fact]
    public void A_declared_specified_scalar_and_an_extension_adding_interfaces_are_accepted()
    {
        var schema = SchemaBuilder.FromSdl("scalar String interface I { a: String } type Query { a: String } extend type Query implements I").Build();

        Assert.Equal(["I"], schema.Query.Interfaces.Select(i => i.Name));
        Assert.Same(BuiltInScalars.String, schema.GetType("String"));
    }

    [Fact]
    public async Task A_resolver_returning_a_task_is_awaited_rather_than_taken_as_the_value()
    {
        var schema = SchemaBuilder.FromSdl("type Query { n: Int }").Resolve("Query", "n", _ => Task.FromResult(42)).Build();

        var value = await schema.Query.Fields["n"].Resolver!(null!);

        Assert.Equal(42, value);
    }

    [Fact]
    public void An_enum_can_be_bound_to_the_values_resolvers_use()
    {
        var schema = SchemaBuilder.FromSdl("enum Color { RED GREEN } type Query { c: Color }")
            .BindEnum("Color", new Dictionary<string, object> { ["RED"] = ConsoleColor.Red, ["GREEN"] = ConsoleColor.Green })
            .Build();

        var color = Assert.IsType<EnumType>(schema.GetType("Color"));
        Assert.Equal("GREEN", color.ForRuntimeValue(ConsoleColor.Green)?.Name);
    }
}
