using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.6 Values: literal types, input object fields and the draft's @oneOf, with the specification's examples.</summary>
public sealed class ValueRulesTests
{
    private static readonly ValuesOfCorrectType CorrectType = new();

    [Fact]
    public void Literals_of_the_expected_type_are_valid()
    {
        Valid(CorrectType, """
            fragment goodBooleanArg on Arguments {
              booleanArgField(booleanArg: true)
            }

            fragment coercedIntIntoFloatArg on Arguments {
              # Note: The input coercion rules for Float allow Int literals.
              floatArgField(floatArg: 123)
            }

            query goodComplexDefaultValue($search: FindDogInput = { name: "Fido" }) {
              findDog(searchBy: $search) {
                name
              }
            }
            """);
    }

    [Fact]
    public void A_string_is_not_an_int()
    {
        Invalid(CorrectType, """
            fragment stringIntoInt on Arguments {
              intArgField(intArg: "123")
            }
            """,
            new ExpectedError("Expected value of type \"Int\", found \"123\"; Int cannot represent non-integer value: \"123\"", (2, 23)));
    }

    [Fact]
    public void Input_object_fields_get_values_of_their_own_types()
    {
        Invalid(CorrectType, """
            query badComplexValue {
              findDog(searchBy: { name: 123 }) {
                name
              }
            }
            """,
            new ExpectedError("Expected value of type \"String\", found 123; String cannot represent a non string value: 123", (2, 29)));
    }

    [Fact]
    public void Default_values_of_variables_are_checked_too()
    {
        Invalid(CorrectType, """
            query ($a: Int = 1.5, $b: [Boolean!] = [true, null]) { dog { name } }
            """,
            new ExpectedError("Expected value of type \"Int\", found 1.5; Int cannot represent non-integer value: 1.5", (1, 18)),
            new ExpectedError("Expected value of type \"Boolean!\", found null.", (1, 47)));
    }

    [Fact]
    public void Ints_outside_32_bits_are_not_ints()
    {
        Invalid(CorrectType, "{ arguments { intArgField(intArg: 2147483648) } }",
            new ExpectedError("Expected value of type \"Int\", found 2147483648; Int cannot represent non 32-bit signed integer value: 2147483648", (1, 35)));
    }

    [Fact]
    public void A_single_value_is_accepted_for_a_list_but_a_list_is_not_a_single_value()
    {
        Valid(CorrectType, """
            {
              arguments {
                booleanListArgField(booleanListArg: true)
                plural: booleanListArgField(booleanListArg: [true, false, null])
              }
              booleanList(booleanListArg: [true])
            }
            """);
        Invalid(CorrectType, "{ arguments { booleanArgField(booleanArg: [true]) } }",
            new ExpectedError("Expected value of type \"Boolean\", found [true]; Boolean cannot represent a non boolean value: [true]", (1, 43)));
    }

    [Fact]
    public void Null_is_refused_wherever_the_type_is_non_null()
    {
        Invalid(CorrectType, """
            {
              arguments {
                optionalNonNullBooleanArgField(optionalBooleanArg: null)
              }
              booleanList(booleanListArg: [true, null])
            }
            """,
            new ExpectedError("Expected value of type \"Boolean!\", found null.", (3, 56)),
            new ExpectedError("Expected value of type \"Boolean!\", found null.", (5, 38)));
    }

    [Fact]
    public void Enum_values_must_be_defined_and_written_as_enum_values()
    {
        Invalid(CorrectType, """
            {
              dog {
                a: doesKnowCommand(dogCommand: SITT)
                b: doesKnowCommand(dogCommand: "SIT")
                c: doesKnowCommand(dogCommand: 1)
              }
            }
            """,
            new ExpectedError("Value \"SITT\" does not exist in \"DogCommand\" enum. Did you mean the enum value \"SIT\"?", (3, 36)),
            new ExpectedError("Expected value of type \"DogCommand!\", found \"SIT\"; Enum \"DogCommand\" cannot represent non-enum value: \"SIT\". Did you mean the enum value \"SIT\"?", (4, 36)),
            new ExpectedError("Expected value of type \"DogCommand!\", found 1; Enum \"DogCommand\" cannot represent non-enum value: 1.", (5, 36)));
    }

    [Fact]
    public void Objects_are_not_scalars_and_scalars_are_not_objects()
    {
        Invalid(CorrectType, """
            {
              arguments { intArgField(intArg: { value: 1 }) }
              findDog(searchBy: "Fido") { name }
            }
            """,
            new ExpectedError("Expected value of type \"Int\", found {value: 1}; Int cannot represent non-integer value: {value: 1}", (2, 35)),
            new ExpectedError("Expected value of type \"FindDogInput\", found \"Fido\".", (3, 21)));
    }

    [Fact]
    public void Values_of_unknown_arguments_are_left_to_other_rules()
    {
        Valid(CorrectType, """
            { dog { name(unknown: "x") doesKnowCommand(dogCommand: SIT, other: [1, { a: 2 }]) } }
            """);
    }

    [Fact]
    public void Descriptions_are_not_values()
    {
        Valid(CorrectType, """
            "Finds a dog"
            query ("How loud" $volume: Int) { arguments { intArgField(intArg: $volume) } }
            """);
    }

    [Fact]
    public void A_one_of_input_object_is_given_exactly_one_field_that_is_not_null()
    {
        Valid(CorrectType, """
            mutation addPet {
              addPet(pet: { cat: { name: "Brontie" } }) {
                name
              }
            }
            """);
        Invalid(CorrectType, """
            mutation addPet {
              both: addPet(pet: { cat: { name: "Brontie" }, dog: { name: "Rex" } }) { name }
              none: addPet(pet: {}) { name }
              nothing: addPet(pet: { cat: null }) { name }
            }
            """,
            new ExpectedError("OneOf Input Object \"PetInput\" must specify exactly one key.", (2, 21)),
            new ExpectedError("OneOf Input Object \"PetInput\" must specify exactly one key.", (3, 21)),
            new ExpectedError("Field \"PetInput.cat\" must be non-null.", (4, 24)));
    }

    [Fact]
    public void Every_field_of_an_input_object_literal_is_defined_by_its_type()
    {
        var rule = new InputObjectFieldNames();
        Valid(rule, """
            {
              findDog(searchBy: { name: "Fido" }) {
                name
              }
            }
            """);
        Invalid(rule, """
            {
              findDog(searchBy: { favoriteCookieFlavor: "Bacon" }) {
                name
              }
              misspelt: findDog(searchBy: { nmae: "Fido" }) { name }
            }
            """,
            new ExpectedError("Field \"favoriteCookieFlavor\" is not defined by type \"FindDogInput\".", (2, 23)),
            new ExpectedError("Field \"nmae\" is not defined by type \"FindDogInput\". Did you mean \"name\"?", (5, 33)));
    }

    [Fact]
    public void An_input_object_literal_gives_each_field_once()
    {
        var rule = new InputObjectFieldUniqueness();
        Valid(rule, """{ findDog(searchBy: { name: "Fido", owner: "Ann" }) { name } }""");
        Invalid(rule, """
            {
              findDog(searchBy: { name: "Fido", name: "Rex" }) {
                name
              }
            }
            """,
            new ExpectedError("There can be only one input field named \"name\".", (2, 23), (2, 37)));
    }

    [Fact]
    public void An_input_object_literal_gives_every_required_field()
    {
        var rule = new InputObjectRequiredFields();
        Valid(rule, """
            mutation { addPet(pet: { dog: { name: "Rex" } }) { name } }
            """);
        Invalid(rule, """
            mutation {
              addPet(pet: { dog: { nickname: "Rexy" } }) {
                name
              }
            }
            """,
            new ExpectedError("Field \"DogInput.name\" of required type \"String!\" was not provided.", (2, 22)));
    }
}
