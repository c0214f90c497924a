using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.3.2 Field Selection Merging, with the specification's examples and the cases around them.</summary>
public sealed class FieldSelectionMergingTests
{
    private const string Advice = " Use different aliases on the fields to fetch both if this was intentional.";
    private static readonly FieldSelectionMerging Rule = new();

    [Fact]
    public void The_same_field_twice_merges()
    {
        Valid(Rule, """
            fragment mergeIdenticalFields on Dog {
              name
              name
            }

            fragment mergeIdenticalAliasesAndFields on Dog {
              otherName: name
              otherName: name
            }
            """);
    }

    [Fact]
    public void An_alias_cannot_name_another_field_the_same_as_a_field()
    {
        Invalid(Rule, """
            fragment conflictingBecauseAlias on Dog {
              name: nickname
              name
            }
            """,
            new ExpectedError("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields." + Advice, (2, 3), (3, 3)));
    }

    [Fact]
    public void The_same_field_with_identical_arguments_merges()
    {
        Valid(Rule, """
            fragment mergeIdenticalFieldsWithIdenticalArgs on Dog {
              doesKnowCommand(dogCommand: SIT)
              doesKnowCommand(dogCommand: SIT)
            }

            fragment mergeIdenticalFieldsWithIdenticalValues on Dog {
              doesKnowCommand(dogCommand: $dogCommand)
              doesKnowCommand(dogCommand: $dogCommand)
            }
            """);
    }

    [Theory]
    [InlineData("doesKnowCommand(dogCommand: SIT)", "doesKnowCommand(dogCommand: HEEL)")]
    [InlineData("doesKnowCommand(dogCommand: SIT)", "doesKnowCommand(dogCommand: $dogCommand)")]
    [InlineData("doesKnowCommand(dogCommand: $varOne)", "doesKnowCommand(dogCommand: $varTwo)")]
    [InlineData("doesKnowCommand(dogCommand: SIT)", "doesKnowCommand")]
    public void The_same_field_with_differing_arguments_conflicts(string first, string second)
    {
        Invalid(Rule, $$"""
            fragment conflictingArgs on Dog {
              {{first}}
              {{second}}
            }
            """,
            new ExpectedError("Fields \"doesKnowCommand\" conflict because they have differing arguments." + Advice, (2, 3), (3, 3)));
    }

    [Fact]
    public void Arguments_match_whatever_their_order_and_that_of_input_object_fields()
    {
        Valid(Rule, """
            {
              arguments {
                multipleRequirements(x: 1, y: 2)
                multipleRequirements(y: 2, x: 1)
              }
              findDog(searchBy: { name: "Fido", owner: "Ann" }) { name }
              findDog(searchBy: { owner: "Ann", name: "Fido" }) { name }
            }
            """);
    }

    [Fact]
    public void Fields_on_different_object_types_may_differ_in_name_and_arguments()
    {
        Valid(Rule, """
            fragment safeDifferingFields on Pet {
              ... on Dog {
                volume: barkVolume
              }
              ... on Cat {
                volume: meowVolume
              }
            }

            fragment safeDifferingArgs on Pet {
              ... on Dog {
                doesKnowCommand(dogCommand: SIT)
              }
              ... on Cat {
                doesKnowCommand(catCommand: JUMP)
              }
            }
            """);
    }

    [Fact]
    public void Fields_on_different_object_types_must_still_return_the_same_shape()
    {
        Invalid(Rule, """
            fragment conflictingDifferingResponses on Pet {
              ... on Dog {
                someValue: nickname
              }
              ... on Cat {
                someValue: meowVolume
              }
            }
            """,
            new ExpectedError("Fields \"someValue\" conflict because they return conflicting types \"String\" and \"Int\"." + Advice, (3, 5), (6, 5)));
    }

    [Fact]
    public void Nullability_and_list_wrappers_are_part_of_the_shape()
    {
        Invalid(Rule, """
            {
              pet {
                ... on Dog { n: name }
                ... on Cat { n: nickname }
              }
              dogOrHuman {
                ... on Human { x: pets { name } }
                ... on Dog { x: owner { name } }
              }
            }
            """,
            new ExpectedError("Fields \"n\" conflict because they return conflicting types \"String!\" and \"String\"." + Advice, (3, 18), (4, 18)),
            new ExpectedError("Fields \"x\" conflict because they return conflicting types \"[Pet!]\" and \"Human\"." + Advice, (7, 20), (8, 18)));
    }

    [Fact]
    public void A_field_on_an_interface_and_one_on_its_implementation_must_be_the_same_field()
    {
        Invalid(Rule, """
            {
              pet {
                name
                ... on Dog { name: nickname }
              }
            }
            """,
            new ExpectedError("Fields \"name\" conflict because \"name\" and \"nickname\" are different fields." + Advice, (3, 5), (4, 18)));
    }

    [Fact]
    public void Conflicting_subfields_make_their_parents_conflict_located_at_every_level()
    {
        Invalid(Rule, """
            {
              dog { owner { name } }
              dog { owner { name: pets { name } } }
            }
            """,
            new ExpectedError(
                "Fields \"dog\" conflict because subfields \"owner\" conflict because subfields \"name\" conflict because \"name\" and \"pets\" are different fields." + Advice,
                (2, 3), (2, 9), (2, 17), (3, 3), (3, 9), (3, 17)));
    }

    [Fact]
    public void Several_conflicting_subfields_are_listed_together()
    {
        Invalid(Rule, """
            {
              dog { x: name y: nickname }
              dog { x: nickname y: name }
            }
            """,
            new ExpectedError(
                "Fields \"dog\" conflict because subfields \"x\" conflict because \"name\" and \"nickname\" are different fields and subfields \"y\" conflict because \"nickname\" and \"name\" are different fields." + Advice,
                (2, 3), (2, 9), (2, 17), (3, 3), (3, 9), (3, 21)));
    }

    [Fact]
    public void Selections_of_one_field_written_twice_merge()
    {
        Valid(Rule, """
            {
              dog { name }
              dog { owner { name } }
            }
            """);
    }

    [Fact]
    public void Fields_from_fragments_are_compared_once_wherever_the_fragments_meet()
    {
        Invalid(Rule, """
            {
              dog { ...A ...B }
              alsoDog: dog { ...A ...B }
            }
            fragment A on Dog { x: name }
            fragment B on Dog { x: barkVolume }
            """,
            new ExpectedError("Fields \"x\" conflict because \"name\" and \"barkVolume\" are different fields." + Advice, (5, 21), (6, 21)));
    }

    [Fact]
    public void Fields_are_compared_with_those_of_spread_fragments_and_their_spreads()
    {
        Invalid(Rule, """
            {
              dog {
                x: name
                ...A
              }
            }
            fragment A on Dog { ...B }
            fragment B on Dog { x: nickname }
            """,
            new ExpectedError("Fields \"x\" conflict because \"name\" and \"nickname\" are different fields." + Advice, (3, 5), (8, 21)));
    }

    [Fact]
    public void Fragment_cycles_do_not_stop_the_comparison_from_ending()
    {
        Valid(Rule, """
            { dog { ...A ...B } }
            fragment A on Dog { name ...B owner { pets { ...A } } }
            fragment B on Dog { name ...A }
            """);
    }

    [Fact]
    public void Unknown_fields_and_types_are_left_to_other_rules()
    {
        Valid(Rule, """
            {
              dog { unknown { a } unknown { b } }
              pet { ... on Unknown { x: name } ... on Dog { x: name } }
            }
            """);
    }
}
