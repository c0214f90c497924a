using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.3.1 (field selections) and §5.3.3 (leaf field selections), with the specification's examples.</summary>
public sealed class FieldRulesTests
{
    private static readonly FieldSelectionsOnObjectsInterfacesAndUnionsTypes FieldSelections = new();
    private static readonly LeafFieldSelections LeafSelections = new();

    [Fact]
    public void A_field_the_type_does_not_define_cannot_be_queried()
    {
        Invalid(FieldSelections, """
            fragment fieldNotDefined on Dog {
              meowVolume
            }
            """,
            new ExpectedError("Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (2, 3)));
    }

    [Fact]
    public void An_alias_does_not_make_an_unknown_field_known()
    {
        Invalid(FieldSelections, """
            fragment aliasedLyingFieldTargetNotDefined on Dog {
              barkVolume: kawVolume
            }
            """,
            new ExpectedError("Cannot query field \"kawVolume\" on type \"Dog\". Did you mean \"barkVolume\"?", (2, 3)));
    }

    [Fact]
    public void Fields_of_an_interface_can_be_queried_on_it()
    {
        Valid(FieldSelections, """
            fragment interfaceFieldSelection on Pet {
              name
            }
            """);
    }

    [Fact]
    public void A_field_only_the_implementations_define_is_reached_through_an_inline_fragment()
    {
        Invalid(FieldSelections, """
            fragment definedOnImplementorsButNotInterface on Pet {
              nickname
            }
            """,
            new ExpectedError("Cannot query field \"nickname\" on type \"Pet\". Did you mean to use an inline fragment on \"Cat\" or \"Dog\"?", (2, 3)));
    }

    [Fact]
    public void A_union_has_only_typename_and_its_members_fields_through_fragments()
    {
        Valid(FieldSelections, """
            fragment inDirectFieldSelectionOnUnion on CatOrDog {
              __typename
              ... on Pet {
                name
              }
              ... on Dog {
                barkVolume
              }
            }
            """);
    }

    [Fact]
    public void A_union_has_no_fields_of_its_own()
    {
        Invalid(FieldSelections, """
            fragment directFieldSelectionOnUnion on CatOrDog {
              directField
            }
            """,
            new ExpectedError("Cannot query field \"directField\" on type \"CatOrDog\".", (2, 3)));
    }

    [Fact]
    public void Fields_of_interfaces_shared_by_the_members_of_a_union_suggest_the_interface_first()
    {
        Invalid(FieldSelections, """
            { catOrDog { name } }
            """,
            new ExpectedError("Cannot query field \"name\" on type \"CatOrDog\". Did you mean to use an inline fragment on \"Pet\", \"Cat\", or \"Dog\"?", (1, 14)));
    }

    [Fact]
    public void Introspection_meta_fields_exist_where_the_spec_puts_them()
    {
        Valid(FieldSelections, """
            { __typename dog { __typename } catOrDog { __typename } }
            """);
        Invalid(FieldSelections, """
            { dog { __schema { queryType { name } } } }
            """,
            new ExpectedError("Cannot query field \"__schema\" on type \"Dog\".", (1, 9)));
    }

    [Fact]
    public void Fields_under_an_unknown_field_are_not_reported_again()
    {
        Invalid(FieldSelections, """
            { unknownField { deeper { name } } }
            """,
            new ExpectedError("Cannot query field \"unknownField\" on type \"Query\".", (1, 3)));
    }

    [Fact]
    public void A_scalar_field_needs_no_selection()
    {
        Valid(LeafSelections, """
            fragment scalarSelection on Dog {
              barkVolume
            }
            """);
    }

    [Fact]
    public void A_scalar_field_cannot_have_a_selection()
    {
        Invalid(LeafSelections, """
            fragment scalarSelectionsNotAllowedOnInt on Dog {
              barkVolume {
                sinceWhen
              }
            }
            """,
            new ExpectedError("Field \"barkVolume\" must not have a selection since type \"Int\" has no subfields.", (2, 14)));
    }

    [Fact]
    public void Object_interface_and_union_fields_need_a_selection()
    {
        var rule = LeafSelections;
        Invalid(rule, "query directQueryOnObjectWithoutSubFields {\n  human\n}",
            new ExpectedError("Field \"human\" of type \"Human\" must have a selection of subfields. Did you mean \"human { ... }\"?", (2, 3)));
        Invalid(rule, "query directQueryOnInterfaceWithoutSubFields {\n  pet\n}",
            new ExpectedError("Field \"pet\" of type \"Pet\" must have a selection of subfields. Did you mean \"pet { ... }\"?", (2, 3)));
        Invalid(rule, "query directQueryOnUnionWithoutSubFields {\n  catOrDog\n}",
            new ExpectedError("Field \"catOrDog\" of type \"CatOrDog\" must have a selection of subfields. Did you mean \"catOrDog { ... }\"?", (2, 3)));
    }

    [Fact]
    public void The_message_names_the_whole_type_of_the_field()
    {
        Invalid(LeafSelections, "{ human { pets } }",
            new ExpectedError("Field \"pets\" of type \"[Pet!]\" must have a selection of subfields. Did you mean \"pets { ... }\"?", (1, 11)));
    }
}
