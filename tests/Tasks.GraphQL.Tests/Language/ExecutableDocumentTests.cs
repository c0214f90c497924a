using Tasks.GraphQL.Language;
using static Tasks.GraphQL.Tests.Language.SyntaxAssert;

namespace Tasks.GraphQL.Tests.Language;

// Spec §2.2–§2.8 and §2.10–§2.12: documents, operations, selections, fields, arguments, aliases,
// fragments, variables and directives.
public class ExecutableDocumentTests
{
    [Fact]
    public void A_bare_selection_set_is_an_anonymous_query()
    {
        var operation = SingleDefinition<OperationDefinitionNode>("{ id }");

        Assert.Equal(OperationType.Query, operation.Operation);
        Assert.Null(operation.Name);
        Assert.Empty(operation.VariableDefinitions);
        Assert.Empty(operation.Directives);
        Assert.Equal("id", Assert.IsType<FieldNode>(Assert.Single(operation.SelectionSet.Selections)).Name.Value);
    }

    [Theory]
    [InlineData("query", OperationType.Query)]
    [InlineData("mutation", OperationType.Mutation)]
    [InlineData("subscription", OperationType.Subscription)]
    public void An_operation_starts_with_its_type(string keyword, OperationType type)
    {
        var operation = SingleDefinition<OperationDefinitionNode>(keyword + " Named { id }");

        Assert.Equal(type, operation.Operation);
        Assert.Equal("Named", operation.Name?.Value);
    }

    [Fact]
    public void An_operation_may_be_anonymous_with_variables_and_directives()
    {
        var operation = SingleDefinition<OperationDefinitionNode>("query ($id: ID) @live { node(id: $id) { id } }");

        Assert.Null(operation.Name);
        Assert.Equal("id", Assert.Single(operation.VariableDefinitions).Variable.Name.Value);
        Assert.Equal("live", Assert.Single(operation.Directives).Name.Value);
    }

    [Fact]
    public void A_document_holds_its_definitions_in_order()
    {
        var document = Parser.Parse("query A { a } mutation B { b } fragment C on T { c } subscription D { d }");

        Assert.Equal(
            [NodeKind.OperationDefinition, NodeKind.OperationDefinition, NodeKind.FragmentDefinition, NodeKind.OperationDefinition],
            document.Definitions.Select(definition => definition.Kind));
    }

    [Fact]
    public void A_field_has_an_alias_a_name_arguments_directives_and_a_selection_set()
    {
        var field = SingleSelection<FieldNode>("{ smallPic: profilePic(size: 64) @include(if: $big) { url } }");

        Assert.Equal("smallPic", field.Alias?.Value);
        Assert.Equal("profilePic", field.Name.Value);
        Assert.Equal("smallPic", field.ResponseKey);
        var argument = Assert.Single(field.Arguments);
        Assert.Equal("size", argument.Name.Value);
        Assert.Equal("64", Assert.IsType<IntValueNode>(argument.Value).Value);
        var directive = Assert.Single(field.Directives);
        Assert.Equal("include", directive.Name.Value);
        Assert.Equal("big", Assert.IsType<VariableNode>(Assert.Single(directive.Arguments).Value).Name.Value);
        Assert.Equal("url", Assert.IsType<FieldNode>(Assert.Single(field.SelectionSet!.Selections)).Name.Value);
    }

    [Fact]
    public void A_leaf_field_has_no_selection_set_and_its_name_is_its_response_key()
    {
        var field = SingleSelection<FieldNode>("{ name }");

        Assert.Null(field.Alias);
        Assert.Null(field.SelectionSet);
        Assert.Empty(field.Arguments);
        Assert.Equal("name", field.ResponseKey);
    }

    [Fact]
    public void Keywords_are_ordinary_names_where_a_name_is_expected()
    {
        var operation = SingleDefinition<OperationDefinitionNode>(
            "query query { query mutation subscription fragment on true false null type extend(on: on) }");

        Assert.Equal("query", operation.Name?.Value);
        Assert.Equal(
            ["query", "mutation", "subscription", "fragment", "on", "true", "false", "null", "type", "extend"],
            operation.SelectionSet.Selections.Cast<FieldNode>().Select(field => field.Name.Value));
    }

    [Fact]
    public void Arguments_keep_their_order_and_commas_are_insignificant()
    {
        var field = SingleSelection<FieldNode>("{ picture(width: 200,, height: 100,) }");

        Assert.Equal(["width", "height"], field.Arguments.Select(argument => argument.Name.Value));
    }

    [Fact]
    public void A_fragment_spread_names_a_fragment_and_may_have_directives()
    {
        var spread = SingleSelection<FragmentSpreadNode>("{ ...friendFields @skip(if: $noFriends) }");

        Assert.Equal("friendFields", spread.Name.Value);
        Assert.Equal("skip", Assert.Single(spread.Directives).Name.Value);
    }

    [Fact]
    public void An_inline_fragment_has_an_optional_type_condition()
    {
        var selections = SingleDefinition<OperationDefinitionNode>(
            "{ ... on User { friends { count } } ... @include(if: $expanded) { name } ... { id } }").SelectionSet.Selections;

        var typed = Assert.IsType<InlineFragmentNode>(selections[0]);
        Assert.Equal("User", typed.TypeCondition?.Name.Value);
        var directed = Assert.IsType<InlineFragmentNode>(selections[1]);
        Assert.Null(directed.TypeCondition);
        Assert.Equal("include", Assert.Single(directed.Directives).Name.Value);
        var bare = Assert.IsType<InlineFragmentNode>(selections[2]);
        Assert.Null(bare.TypeCondition);
        Assert.Empty(bare.Directives);
    }

    [Fact]
    public void A_spread_of_a_fragment_whose_name_starts_with_on_is_not_a_type_condition()
    {
        var spread = SingleSelection<FragmentSpreadNode>("{ ...onlineFields }");

        Assert.Equal("onlineFields", spread.Name.Value);
    }

    [Fact]
    public void A_fragment_definition_has_a_name_a_type_condition_directives_and_a_selection_set()
    {
        var fragment = SingleDefinition<FragmentDefinitionNode>("fragment friendFields on User @cached { id name }");

        Assert.Equal("friendFields", fragment.Name.Value);
        Assert.Equal("User", fragment.TypeCondition.Name.Value);
        Assert.Equal("cached", Assert.Single(fragment.Directives).Name.Value);
        Assert.Equal(2, fragment.SelectionSet.Selections.Count);
    }

    [Fact]
    public void A_variable_definition_has_a_type_a_constant_default_and_directives()
    {
        var variable = Assert.Single(SingleDefinition<OperationDefinitionNode>(
            "query Q($devicePicSize: [Int!]! = [1, 2] @deprecated) { f }").VariableDefinitions);

        Assert.Equal("devicePicSize", variable.Variable.Name.Value);
        var nonNull = Assert.IsType<NonNullTypeNode>(variable.Type);
        var list = Assert.IsType<ListTypeNode>(nonNull.Type);
        var itemNonNull = Assert.IsType<NonNullTypeNode>(list.Type);
        Assert.Equal("Int", Assert.IsType<NamedTypeNode>(itemNonNull.Type).Name.Value);
        Assert.Equal(2, Assert.IsType<ListValueNode>(variable.DefaultValue).Values.Count);
        Assert.Equal("deprecated", Assert.Single(variable.Directives).Name.Value);
    }

    [Fact]
    public void Variables_may_be_used_anywhere_inside_non_constant_values()
    {
        var value = ArgumentValue("a: [$one, {b: $two}]");

        var list = Assert.IsType<ListValueNode>(value);
        Assert.Equal("one", Assert.IsType<VariableNode>(list.Values[0]).Name.Value);
        var field = Assert.Single(Assert.IsType<ObjectValueNode>(list.Values[1]).Fields);
        Assert.Equal("two", Assert.IsType<VariableNode>(field.Value).Name.Value);
    }

    [Fact]
    public void Directives_are_applied_in_order_and_may_repeat()
    {
        var field = SingleSelection<FieldNode>("{ f @a @b(x: 1) @a }");

        Assert.Equal(["a", "b", "a"], field.Directives.Select(directive => directive.Name.Value));
    }

    [Fact]
    public void Operations_fragments_and_variables_may_have_descriptions()
    {
        var document = Parser.Parse(""""
            "Describes the query"
            query Q("describes the variable" $v: Int) { f }

            """Describes the fragment"""
            fragment F on T { f }
            """");

        var operation = Assert.IsType<OperationDefinitionNode>(document.Definitions[0]);
        Assert.Equal("Describes the query", operation.Description?.Value);
        Assert.Equal("describes the variable", Assert.Single(operation.VariableDefinitions).Description?.Value);
        var fragment = Assert.IsType<FragmentDefinitionNode>(document.Definitions[1]);
        Assert.Equal("Describes the fragment", fragment.Description?.Value);
        Assert.True(fragment.Description?.IsBlock);
    }

    [Fact]
    public void A_description_location_starts_the_definition_location()
    {
        var operation = SingleDefinition<OperationDefinitionNode>("\"d\" query { f }");

        Assert.Equal(0, operation.Location?.Start);
    }

    [Fact]
    public void Nodes_record_where_they_were_parsed_from()
    {
        var field = SingleSelection<FieldNode>("{\n  alias: field(arg: 1) { id }\n}");

        var location = Assert.NotNull(field.Location);
        Assert.Equal(4, location.Start);
        Assert.Equal(31, location.End);
        Assert.Equal(2, location.Line);
        Assert.Equal(3, location.Column);
        Assert.Equal("alias: field(arg: 1) { id }", location.Text);
        Assert.Equal("arg: 1", Assert.Single(field.Arguments).Location?.Text);
    }

    [Fact]
    public void Locations_can_be_left_out()
    {
        var document = Parser.Parse("{ f(a: [1]) }", new ParserOptions { NoLocation = true });

        var field = Assert.IsType<FieldNode>(Assert.Single(Assert.IsType<OperationDefinitionNode>(Assert.Single(document.Definitions)).SelectionSet.Selections));
        Assert.Null(document.Location);
        Assert.Null(field.Location);
        Assert.Null(field.Arguments[0].Value.Location);
    }

    [Fact]
    public void A_source_may_start_with_a_byte_order_mark_and_contain_unicode_in_strings_and_comments()
    {
        var field = SingleSelection<FieldNode>("\uFEFF# commentaire é 😀\n{ greet(text: \"héllo 😀\") }");

        Assert.Equal("héllo 😀", Assert.IsType<StringValueNode>(Assert.Single(field.Arguments).Value).Value);
    }

    [Fact]
    public void A_named_source_carries_its_name_into_locations()
    {
        var document = Parser.Parse(new Source("{ f }", "query.graphql"));

        Assert.Equal("query.graphql", document.Location?.Source.Name);
    }
}
