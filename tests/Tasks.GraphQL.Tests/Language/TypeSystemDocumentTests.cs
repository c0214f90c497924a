using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Spec §3: the type-system definition language, as far as its grammar goes.
public class TypeSystemDocumentTests
{
    [Fact]
    public void A_schema_definition_has_a_description_directives_and_root_operation_types()
    {
        var schema = SingleDefinition<SchemaDefinitionNode>("""
            "The schema"
            schema @link(url: "x") { query: Query mutation: Mutation subscription: Subscription }
            """);

        Assert.Equal("The schema", schema.Description?.Value);
        Assert.Equal("link", Assert.Single(schema.Directives).Name.Value);
        Assert.Equal(
            [(OperationType.Query, "Query"), (OperationType.Mutation, "Mutation"), (OperationType.Subscription, "Subscription")],
            schema.OperationTypes.Select(root => (root.Operation, root.Type.Name.Value)));
    }

    [Fact]
    public void A_scalar_may_name_its_specification()
    {
        var scalar = SingleDefinition<ScalarTypeDefinitionNode>("scalar UUID @specifiedBy(url: \"https://tools.ietf.org/html/rfc4122\")");

        Assert.Equal("UUID", scalar.Name.Value);
        var argument = Assert.Single(Assert.Single(scalar.Directives).Arguments);
        Assert.Equal("https://tools.ietf.org/html/rfc4122", Assert.IsType<StringValueNode>(argument.Value).Value);
    }

    [Fact]
    public void An_object_type_has_interfaces_directives_and_fields_with_arguments()
    {
        var type = SingleDefinition<ObjectTypeDefinitionNode>(""""
            """A person"""
            type Person implements & Node & Named @key(fields: "id") {
              "The id"
              id: ID!
              friends(first: Int = 10, "cursor" after: String @deprecated): [Person!]! @cost(weight: 2)
            }
            """");

        Assert.Equal("A person", type.Description?.Value);
        Assert.Equal(["Node", "Named"], type.Interfaces.Select(named => named.Name.Value));
        Assert.Equal("key", Assert.Single(type.Directives).Name.Value);
        Assert.Equal("The id", type.Fields[0].Description?.Value);
        var friends = type.Fields[1];
        Assert.Equal(["first", "after"], friends.Arguments.Select(argument => argument.Name.Value));
        Assert.Equal("10", Assert.IsType<IntValueNode>(friends.Arguments[0].DefaultValue).Value);
        Assert.Equal("cursor", friends.Arguments[1].Description?.Value);
        Assert.Equal("deprecated", Assert.Single(friends.Arguments[1].Directives).Name.Value);
        Assert.IsType<NonNullTypeNode>(friends.Type);
        Assert.Equal("cost", Assert.Single(friends.Directives).Name.Value);
    }

    [Fact]
    public void An_object_type_may_omit_its_fields()
    {
        var type = SingleDefinition<ObjectTypeDefinitionNode>("type Empty");

        Assert.Empty(type.Fields);
    }

    [Fact]
    public void An_interface_may_implement_interfaces()
    {
        var type = SingleDefinition<InterfaceTypeDefinitionNode>("interface Resource implements Node & Entity { id: ID! url: String }");

        Assert.Equal(["Node", "Entity"], type.Interfaces.Select(named => named.Name.Value));
        Assert.Equal(2, type.Fields.Count);
    }

    [Fact]
    public void A_union_lists_its_members_with_an_optional_leading_pipe()
    {
        var plain = SingleDefinition<UnionTypeDefinitionNode>("union SearchResult = Photo | Person");
        var leading = SingleDefinition<UnionTypeDefinitionNode>("union SearchResult @d =\n  | Photo\n  | Person");
        var memberless = SingleDefinition<UnionTypeDefinitionNode>("union Nothing");

        Assert.Equal(["Photo", "Person"], plain.Types.Select(named => named.Name.Value));
        Assert.Equal(["Photo", "Person"], leading.Types.Select(named => named.Name.Value));
        Assert.Empty(memberless.Types);
    }

    [Fact]
    public void An_enum_has_values_with_descriptions_and_directives()
    {
        var type = SingleDefinition<EnumTypeDefinitionNode>("enum Direction { \"up\" NORTH EAST @deprecated(reason: \"no\") SOUTH WEST }");

        Assert.Equal(["NORTH", "EAST", "SOUTH", "WEST"], type.Values.Select(value => value.Name.Value));
        Assert.Equal("up", type.Values[0].Description?.Value);
        Assert.Equal("deprecated", Assert.Single(type.Values[1].Directives).Name.Value);
    }

    [Fact]
    public void An_input_object_may_be_one_of_and_have_deprecated_fields_with_defaults()
    {
        var type = SingleDefinition<InputObjectTypeDefinitionNode>(
            "input Lookup @oneOf { id: ID name: String = \"x\" @deprecated(reason: \"use id\") }");

        Assert.Equal("oneOf", Assert.Single(type.Directives).Name.Value);
        Assert.Equal("x", Assert.IsType<StringValueNode>(type.Fields[1].DefaultValue).Value);
        Assert.Equal("deprecated", Assert.Single(type.Fields[1].Directives).Name.Value);
    }

    [Fact]
    public void A_directive_definition_has_arguments_repeatability_and_locations()
    {
        var directive = SingleDefinition<DirectiveDefinitionNode>(
            "\"Tags\" directive @tag(name: String!) repeatable on\n  | OBJECT\n  | FIELD_DEFINITION | ARGUMENT_DEFINITION");

        Assert.Equal("Tags", directive.Description?.Value);
        Assert.Equal("tag", directive.Name.Value);
        Assert.Equal("name", Assert.Single(directive.Arguments).Name.Value);
        Assert.True(directive.IsRepeatable);
        Assert.Equal([DirectiveLocation.Object, DirectiveLocation.FieldDefinition, DirectiveLocation.ArgumentDefinition], directive.Locations);
    }

    [Fact]
    public void A_directive_is_not_repeatable_unless_it_says_so()
    {
        Assert.False(SingleDefinition<DirectiveDefinitionNode>("directive @once on FIELD").IsRepeatable);
    }

    [Fact]
    public void Every_directive_location_is_recognised()
    {
        var names = Enum.GetValues<DirectiveLocation>().Select(location => location.ToSpecName()).ToList();

        var directive = SingleDefinition<DirectiveDefinitionNode>("directive @all on " + string.Join(" | ", names));

        Assert.Equal(Enum.GetValues<DirectiveLocation>(), directive.Locations);
        Assert.Equal(19, names.Count);
        Assert.True(DirectiveLocation.VariableDefinition.IsExecutable());
        Assert.False(DirectiveLocation.Schema.IsExecutable());
    }

    [Fact]
    public void Directive_location_names_are_case_sensitive()
    {
        ParseFails("directive @d on field", "Syntax Error: Expected directive location, found Name \"field\".", 1, 17);
    }

    [Fact]
    public void Every_kind_of_extension_parses_to_its_node()
    {
        var document = Parser.Parse("""
            extend schema @a { query: Q }
            extend scalar S @a
            extend type T implements I @a { f: Int }
            extend interface I implements J @a { f: Int }
            extend union U @a = V
            extend enum E @a { V }
            extend input In @a { f: Int }
            """);

        Assert.Equal(
            [
                NodeKind.SchemaExtension, NodeKind.ScalarTypeExtension, NodeKind.ObjectTypeExtension,
                NodeKind.InterfaceTypeExtension, NodeKind.UnionTypeExtension, NodeKind.EnumTypeExtension,
                NodeKind.InputObjectTypeExtension,
            ],
            document.Definitions.Select(definition => definition.Kind));
        Assert.All(document.Definitions, definition => Assert.IsType<ITypeSystemExtensionNode>(definition, exactMatch: false));
        Assert.All(document.Definitions.Skip(1), definition => Assert.IsType<ITypeExtensionNode>(definition, exactMatch: false));
    }

    [Theory]
    [InlineData("extend schema @a")]
    [InlineData("extend schema { query: Q }")]
    [InlineData("extend type T implements I")]
    [InlineData("extend type T @a")]
    [InlineData("extend type T { f: Int }")]
    [InlineData("extend interface I implements J")]
    [InlineData("extend interface I @a")]
    [InlineData("extend union U @a")]
    [InlineData("extend union U = V")]
    [InlineData("extend enum E @a")]
    [InlineData("extend enum E { V }")]
    [InlineData("extend input In @a")]
    [InlineData("extend input In { f: Int }")]
    public void An_extension_needs_only_one_of_its_parts(string source)
    {
        Assert.IsType<ITypeSystemExtensionNode>(Assert.Single(Parser.Parse(source).Definitions), exactMatch: false);
    }

    [Fact]
    public void Type_system_and_executable_definitions_may_share_a_document()
    {
        var document = Parser.Parse("type Query { a: Int } { a }");

        Assert.IsType<ObjectTypeDefinitionNode>(document.Definitions[0]);
        Assert.IsType<OperationDefinitionNode>(document.Definitions[1]);
    }

    [Fact]
    public void Type_definitions_expose_their_common_shape()
    {
        var document = Parser.Parse(KitchenSink.Schema);

        var typeDefinitions = document.Definitions.OfType<ITypeDefinitionNode>().ToList();

        Assert.Contains(typeDefinitions, type => type.Name.Value == "Foo" && type.Description is not null);
        Assert.All(typeDefinitions, type => Assert.IsType<ITypeSystemDefinitionNode>(type, exactMatch: false));
    }
}
