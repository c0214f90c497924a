using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.5 Fragments: declarations and spreads, with the specification's examples.</summary>
public sealed class FragmentRulesTests
{
    [Fact]
    public void Fragments_with_different_names_are_valid()
    {
        Valid(new FragmentNameUniqueness(), """
            {
              dog {
                ...fragmentOne
                ...fragmentTwo
              }
            }

            fragment fragmentOne on Dog {
              name
            }

            fragment fragmentTwo on Dog {
              owner {
                name
              }
            }
            """);
    }

    [Fact]
    public void Two_fragments_cannot_share_a_name()
    {
        Invalid(new FragmentNameUniqueness(), """
            {
              dog {
                ...fragmentOne
              }
            }

            fragment fragmentOne on Dog {
              name
            }

            fragment fragmentOne on Dog {
              owner {
                name
              }
            }
            """,
            new ExpectedError("There can be only one fragment named \"fragmentOne\".", (7, 10), (11, 10)));
    }

    [Fact]
    public void Type_conditions_name_types_of_the_schema()
    {
        Valid(new FragmentSpreadTypeExistence(), """
            fragment correctType on Dog {
              name
            }

            fragment inlineFragment on Dog {
              ... on Dog {
                name
              }
            }

            fragment inlineFragment2 on Dog {
              ... @include(if: true) {
                name
              }
            }
            """);
    }

    [Fact]
    public void A_type_condition_naming_an_unknown_type_is_invalid()
    {
        Invalid(new FragmentSpreadTypeExistence(), """
            fragment notOnExistingType on NotInSchema {
              name
            }

            fragment inlineNotExistingType on Dog {
              ... on NotInSchema {
                name
              }
              ... on Dgo { name }
            }
            """,
            new ExpectedError("Unknown type \"NotInSchema\".", (1, 31)),
            new ExpectedError("Unknown type \"NotInSchema\".", (6, 10)),
            new ExpectedError("Unknown type \"Dgo\". Did you mean \"Dog\"?", (9, 10)));
    }

    [Fact]
    public void Fragments_apply_to_objects_interfaces_and_unions()
    {
        Valid(new FragmentsOnCompositeTypes(), """
            fragment fragOnObject on Dog {
              name
            }

            fragment fragOnInterface on Pet {
              name
            }

            fragment fragOnUnion on CatOrDog {
              ... on Dog {
                name
              }
            }
            """);
    }

    [Fact]
    public void Fragments_cannot_apply_to_scalars()
    {
        Invalid(new FragmentsOnCompositeTypes(), """
            fragment fragOnScalar on Int {
              something
            }

            fragment inlineFragOnScalar on Dog {
              ... on Boolean {
                somethingElse
              }
            }
            """,
            new ExpectedError("Fragment \"fragOnScalar\" cannot condition on non composite type \"Int\".", (1, 26)),
            new ExpectedError("Fragment cannot condition on non composite type \"Boolean\".", (6, 10)));
    }

    [Fact]
    public void A_fragment_no_operation_spreads_is_unused()
    {
        Invalid(new FragmentsMustBeUsed(), """
            fragment nameFragment on Dog {
              name
            }

            {
              dog {
                name
              }
            }
            """,
            new ExpectedError("Fragment \"nameFragment\" is never used.", (1, 1)));
    }

    [Fact]
    public void Fragments_used_through_other_fragments_are_used()
    {
        Valid(new FragmentsMustBeUsed(), """
            { dog { ...outer } }
            fragment outer on Dog { ...inner }
            fragment inner on Dog { name }
            """);
    }

    [Fact]
    public void Fragments_spread_only_by_unused_fragments_are_unused_too()
    {
        Invalid(new FragmentsMustBeUsed(), """
            { dog { name } }
            fragment outer on Dog { ...inner }
            fragment inner on Dog { name }
            """,
            new ExpectedError("Fragment \"outer\" is never used.", (2, 1)),
            new ExpectedError("Fragment \"inner\" is never used.", (3, 1)));
    }

    [Fact]
    public void A_spread_of_an_undefined_fragment_is_invalid()
    {
        Valid(new FragmentSpreadTargetDefined(), "{ dog { ...nameFragment } } fragment nameFragment on Dog { name }");
        Invalid(new FragmentSpreadTargetDefined(), """
            {
              dog {
                ...undefinedFragment
              }
            }
            """,
            new ExpectedError("Unknown fragment \"undefinedFragment\".", (3, 8)));
    }

    [Fact]
    public void Fragments_spreading_each_other_form_a_cycle()
    {
        Invalid(new FragmentSpreadsMustNotFormCycles(), """
            {
              dog {
                ...nameFragment
              }
            }

            fragment nameFragment on Dog {
              name
              ...barkVolumeFragment
            }

            fragment barkVolumeFragment on Dog {
              barkVolume
              ...nameFragment
            }
            """,
            new ExpectedError("Cannot spread fragment \"nameFragment\" within itself via \"barkVolumeFragment\".", (9, 3), (14, 3)));
    }

    [Fact]
    public void A_cycle_through_nested_fields_is_a_cycle_too()
    {
        Invalid(new FragmentSpreadsMustNotFormCycles(), """
            {
              dog {
                ...dogFragment
              }
            }

            fragment dogFragment on Dog {
              name
              owner {
                ...ownerFragment
              }
            }

            fragment ownerFragment on Human {
              name
              pets {
                ...dogFragment
              }
            }
            """,
            new ExpectedError("Cannot spread fragment \"dogFragment\" within itself via \"ownerFragment\".", (10, 5), (17, 5)));
    }

    [Fact]
    public void A_fragment_spreading_itself_is_a_cycle_reported_once()
    {
        Invalid(new FragmentSpreadsMustNotFormCycles(), """
            fragment selfish on Dog { name ...selfish }
            fragment spreadsSelfish on Dog { ...selfish }
            """,
            new ExpectedError("Cannot spread fragment \"selfish\" within itself.", (1, 32)));
    }

    [Fact]
    public void A_fragment_spread_twice_without_a_cycle_is_fine()
    {
        Valid(new FragmentSpreadsMustNotFormCycles(), """
            { dog { ...a ...b } }
            fragment a on Dog { ...c }
            fragment b on Dog { ...c }
            fragment c on Dog { name ...undefined }
            """);
    }

    [Fact]
    public void Object_fragments_spread_in_the_same_object_type()
    {
        var rule = new FragmentSpreadIsPossible();
        Valid(rule, """
            fragment dogFragment on Dog {
              ... on Dog {
                barkVolume
              }
            }
            """);
        Invalid(rule, """
            fragment catInDogFragmentInvalid on Dog {
              ... on Cat {
                meowVolume
              }
            }
            """,
            new ExpectedError("Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", (2, 3)));
    }

    [Fact]
    public void Abstract_fragments_spread_in_an_object_type_they_include()
    {
        var rule = new FragmentSpreadIsPossible();
        Valid(rule, """
            fragment petNameFragment on Pet {
              name
            }

            fragment interfaceWithinObjectFragment on Dog {
              ...petNameFragment
            }

            fragment catOrDogNameFragment on CatOrDog {
              ... on Cat {
                meowVolume
              }
            }

            fragment unionWithObjectFragment on Dog {
              ...catOrDogNameFragment
            }
            """);
        Invalid(rule, """
            fragment sentientNameFragment on Sentient { name }
            fragment sentientWithinDog on Dog { ...sentientNameFragment }
            """,
            new ExpectedError("Fragment \"sentientNameFragment\" cannot be spread here as objects of type \"Dog\" can never be of type \"Sentient\".", (2, 37)));
    }

    [Fact]
    public void Object_fragments_spread_in_abstract_types_that_include_them()
    {
        var rule = new FragmentSpreadIsPossible();
        Valid(rule, """
            fragment petFragment on Pet {
              name
              ... on Dog {
                barkVolume
              }
            }

            fragment catOrDogFragment on CatOrDog {
              ... on Cat {
                meowVolume
              }
            }
            """);
        Invalid(rule, """
            fragment sentientFragment on Sentient {
              ... on Dog {
                barkVolume
              }
            }

            fragment humanOrAlienFragment on HumanOrAlien {
              ... on Cat {
                meowVolume
              }
            }
            """,
            new ExpectedError("Fragment cannot be spread here as objects of type \"Sentient\" can never be of type \"Dog\".", (2, 3)),
            new ExpectedError("Fragment cannot be spread here as objects of type \"HumanOrAlien\" can never be of type \"Cat\".", (8, 3)));
    }

    [Fact]
    public void Abstract_fragments_spread_in_abstract_types_that_share_an_object_type()
    {
        var rule = new FragmentSpreadIsPossible();
        Valid(rule, """
            fragment unionWithInterface on Pet {
              ...dogOrHumanFragment
            }

            fragment dogOrHumanFragment on DogOrHuman {
              ... on Dog {
                barkVolume
              }
            }
            """);
        Invalid(rule, """
            fragment nonIntersectingInterfaces on Pet {
              ...sentientFragment
            }

            fragment sentientFragment on Sentient {
              name
            }
            """,
            new ExpectedError("Fragment \"sentientFragment\" cannot be spread here as objects of type \"Pet\" can never be of type \"Sentient\".", (2, 3)));
    }

    [Fact]
    public void Interface_fragments_spread_in_an_interface_they_implement()
    {
        Valid(new FragmentSpreadIsPossible(), """
            fragment interfaceWithInterface on Node {
              ...resourceFragment
            }

            fragment resourceFragment on Resource {
              url
            }
            """);
    }
}
