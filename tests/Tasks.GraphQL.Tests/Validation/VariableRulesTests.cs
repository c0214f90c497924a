using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.8 Variables, with the specification's examples.</summary>
public sealed class VariableRulesTests
{
    [Fact]
    public void An_operation_declares_each_variable_once()
    {
        Invalid(new VariableUniqueness(), """
            query houseTrainedQuery($atOtherHomes: Boolean, $atOtherHomes: Boolean) {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }
            """,
            new ExpectedError("There can be only one variable named \"$atOtherHomes\".", (1, 26), (1, 50)));
    }

    [Fact]
    public void Operations_may_declare_the_same_variable_each()
    {
        Valid(new VariableUniqueness(), """
            query A($atOtherHomes: Boolean) {
              ...HouseTrainedFragment
            }

            query B($atOtherHomes: Boolean) {
              ...HouseTrainedFragment
            }

            fragment HouseTrainedFragment on Query {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }
            """);
    }

    [Fact]
    public void Variables_of_input_types_are_valid()
    {
        Valid(new VariablesAreInputTypes(), """
            query takesBoolean($atOtherHomes: Boolean) {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }

            query takesComplexInput($complexInput: ComplexInput) {
              findDog(complex: $complexInput) {
                name
              }
            }

            query TakesListOfBooleanBang($booleans: [Boolean!]) {
              booleanList(booleanListArg: $booleans)
            }
            """);
    }

    [Fact]
    public void Variables_of_output_types_are_invalid()
    {
        Invalid(new VariablesAreInputTypes(), """
            query takesCat($cat: Cat) { dog { name } }
            query takesDogBang($dog: Dog!) { dog { name } }
            query takesListOfPet($pets: [Pet]) { dog { name } }
            query takesCatOrDog($catOrDog: CatOrDog) { dog { name } }
            query takesUnknown($unknown: [Strin!]) { dog { name } }
            """,
            new ExpectedError("Variable \"$cat\" cannot be non-input type \"Cat\".", (1, 22)),
            new ExpectedError("Variable \"$dog\" cannot be non-input type \"Dog!\".", (2, 26)),
            new ExpectedError("Variable \"$pets\" cannot be non-input type \"[Pet]\".", (3, 29)),
            new ExpectedError("Variable \"$catOrDog\" cannot be non-input type \"CatOrDog\".", (4, 32)),
            new ExpectedError("Unknown type \"Strin\". Did you mean \"String\"?", (5, 31)));
    }

    [Fact]
    public void Variables_used_by_an_operation_are_defined_by_it()
    {
        var rule = new AllVariableUsesDefined();
        Valid(rule, """
            query variableIsDefined($atOtherHomes: Boolean) {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }
            """);
        Invalid(rule, """
            query variableIsNotDefined {
              dog {
                isHouseTrained(atOtherHomes: $atOtherHomes)
              }
            }
            """,
            new ExpectedError("Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefined\".", (3, 34), (1, 1)));
    }

    [Fact]
    public void Variables_used_in_fragments_are_defined_by_the_operations_that_spread_them()
    {
        var rule = new AllVariableUsesDefined();
        Valid(rule, """
            query variableIsDefinedUsedInSingleFragment($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """);
        Invalid(rule, """
            query variableIsNotDefinedUsedInSingleFragment {
              dog {
                ...isHouseTrainedFragment
              }
            }

            query variableIsNotDefinedUsedInNestedFragment {
              dog {
                ...outerHouseTrainedFragment
              }
            }

            fragment outerHouseTrainedFragment on Dog {
              ...isHouseTrainedFragment
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """,
            new ExpectedError("Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefinedUsedInSingleFragment\".", (18, 32), (1, 1)),
            new ExpectedError("Variable \"$atOtherHomes\" is not defined by operation \"variableIsNotDefinedUsedInNestedFragment\".", (18, 32), (7, 1)));
    }

    [Fact]
    public void Each_operation_spreading_a_fragment_must_define_its_variables()
    {
        var rule = new AllVariableUsesDefined();
        Valid(rule, """
            query housetrainedQueryOne($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            query housetrainedQueryTwo($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """);
        Invalid(rule, """
            query housetrainedQueryOne($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            query housetrainedQueryTwoNotDefined {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """,
            new ExpectedError("Variable \"$atOtherHomes\" is not defined by operation \"housetrainedQueryTwoNotDefined\".", (14, 32), (7, 1)));
    }

    [Fact]
    public void An_anonymous_operation_is_not_named_in_the_message()
    {
        Invalid(new AllVariableUsesDefined(), "{ dog { isHouseTrained(atOtherHomes: $atOtherHomes) } }",
            new ExpectedError("Variable \"$atOtherHomes\" is not defined.", (1, 38), (1, 1)));
    }

    [Fact]
    public void A_declared_variable_must_be_used()
    {
        Invalid(new AllVariablesUsed(), """
            query variableUnused($atOtherHomes: Boolean) {
              dog {
                isHouseTrained
              }
            }
            """,
            new ExpectedError("Variable \"$atOtherHomes\" is never used in operation \"variableUnused\".", (1, 22)));
    }

    [Fact]
    public void A_variable_used_in_a_spread_fragment_is_used()
    {
        Valid(new AllVariablesUsed(), """
            query variableUsedInFragment($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """);
    }

    [Fact]
    public void A_variable_the_spread_fragments_do_not_use_is_unused()
    {
        Invalid(new AllVariablesUsed(), """
            query variableNotUsedWithinFragment($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedWithoutVariableFragment
              }
            }

            fragment isHouseTrainedWithoutVariableFragment on Dog {
              isHouseTrained
            }
            """,
            new ExpectedError("Variable \"$atOtherHomes\" is never used in operation \"variableNotUsedWithinFragment\".", (1, 37)));
    }

    [Fact]
    public void Each_operation_must_use_each_of_its_variables()
    {
        Invalid(new AllVariablesUsed(), """
            query queryWithUsedVar($atOtherHomes: Boolean) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            query queryWithExtraVar($atOtherHomes: Boolean, $extra: Int) {
              dog {
                ...isHouseTrainedFragment
              }
            }

            fragment isHouseTrainedFragment on Dog {
              isHouseTrained(atOtherHomes: $atOtherHomes)
            }
            """,
            new ExpectedError("Variable \"$extra\" is never used in operation \"queryWithExtraVar\".", (7, 49)));
    }

    [Fact]
    public void Variables_used_in_directives_and_nested_values_count_as_used()
    {
        Valid(new AllVariablesUsed(), """
            query ($skip: Boolean!, $name: String, $flag: Boolean) {
              dog @skip(if: $skip) { name }
              findDog(searchBy: { name: $name }) { name }
              booleanList(booleanListArg: [true, $flag])
            }
            """);
    }

    [Fact]
    public void A_variable_of_another_type_cannot_be_used()
    {
        var rule = new AllVariableUsagesAreAllowed();
        Invalid(rule, """
            query intCannotGoIntoBoolean($intArg: Int) {
              arguments {
                booleanArgField(booleanArg: $intArg)
              }
            }
            """,
            new ExpectedError("Variable \"$intArg\" of type \"Int\" used in position expecting type \"Boolean\".", (1, 30), (3, 33)));
        Invalid(rule, """
            query booleanListCannotGoIntoBoolean($booleanListArg: [Boolean]) {
              arguments {
                booleanArgField(booleanArg: $booleanListArg)
              }
            }
            """,
            new ExpectedError("Variable \"$booleanListArg\" of type \"[Boolean]\" used in position expecting type \"Boolean\".", (1, 38), (3, 33)));
    }

    [Fact]
    public void A_nullable_variable_cannot_be_used_where_null_is_refused()
    {
        Invalid(new AllVariableUsagesAreAllowed(), """
            query booleanArgQuery($booleanArg: Boolean) {
              arguments {
                nonNullBooleanArgField(nonNullBooleanArg: $booleanArg)
              }
            }
            """,
            new ExpectedError("Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 23), (3, 47)));
    }

    [Fact]
    public void A_non_null_list_fits_a_nullable_list_but_not_the_reverse()
    {
        var rule = new AllVariableUsagesAreAllowed();
        Valid(rule, """
            query nonNullListToList($nonNullBooleanList: [Boolean]!) {
              arguments {
                booleanListArgField(booleanListArg: $nonNullBooleanList)
              }
            }
            """);
        Invalid(rule, """
            query listToNonNullList($booleanList: [Boolean]) {
              arguments {
                nonNullBooleanListField(nonNullBooleanListArg: $booleanList)
              }
            }
            """,
            new ExpectedError("Variable \"$booleanList\" of type \"[Boolean]\" used in position expecting type \"[Boolean]!\".", (1, 25), (3, 52)));
    }

    [Fact]
    public void A_default_value_lets_a_nullable_variable_fill_a_non_null_position()
    {
        Valid(new AllVariableUsagesAreAllowed(), """
            query booleanArgQueryWithDefault($booleanArg: Boolean) {
              arguments {
                optionalNonNullBooleanArgField(optionalBooleanArg: $booleanArg)
              }
            }

            query booleanArgQueryWithDefault2($booleanArg: Boolean = true) {
              arguments {
                nonNullBooleanArgField(nonNullBooleanArg: $booleanArg)
              }
            }
            """);
    }

    [Fact]
    public void A_null_default_does_not_make_a_variable_non_null()
    {
        Invalid(new AllVariableUsagesAreAllowed(), """
            query ($booleanArg: Boolean = null) {
              arguments { nonNullBooleanArgField(nonNullBooleanArg: $booleanArg) }
            }
            """,
            new ExpectedError("Variable \"$booleanArg\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 8), (2, 57)));
    }

    [Fact]
    public void Variables_in_list_items_and_input_fields_are_checked_against_the_item_and_field_types()
    {
        Invalid(new AllVariableUsagesAreAllowed(), """
            query ($flag: Boolean, $name: Int) {
              booleanList(booleanListArg: [$flag])
              findDog(searchBy: { name: $name }) { name }
            }
            """,
            new ExpectedError("Variable \"$flag\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (1, 8), (2, 32)),
            new ExpectedError("Variable \"$name\" of type \"Int\" used in position expecting type \"String\".", (1, 24), (3, 29)));
    }

    [Fact]
    public void Usages_in_fragments_are_checked_against_each_operation_that_spreads_them()
    {
        Invalid(new AllVariableUsagesAreAllowed(), """
            query good($flag: Boolean!) { arguments { ...nonNull } }
            query bad($flag: Boolean) { arguments { ...nonNull } }
            fragment nonNull on Arguments { nonNullBooleanArgField(nonNullBooleanArg: $flag) }
            """,
            new ExpectedError("Variable \"$flag\" of type \"Boolean\" used in position expecting type \"Boolean!\".", (2, 11), (3, 75)));
    }

    [Fact]
    public void A_one_of_field_needs_a_non_null_variable()
    {
        var rule = new AllVariableUsagesAreAllowed();
        Valid(rule, """
            mutation addCat($cat: CatInput!) {
              addPet(pet: { cat: $cat }) {
                name
              }
            }

            mutation addPetWithVariable($pet: PetInput!) {
              addPet(pet: $pet) {
                name
              }
            }
            """);
        Invalid(rule, """
            mutation addCatWithNullableVariable($cat: CatInput) {
              addPet(pet: { cat: $cat }) {
                name
              }
            }
            """,
            new ExpectedError("Variable \"$cat\" is of type \"CatInput\" but must be non-nullable to be used for OneOf Input Object \"PetInput\".", (1, 37), (2, 22)));
    }
}
