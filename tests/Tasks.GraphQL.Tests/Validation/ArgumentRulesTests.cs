using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.4 Arguments: names, uniqueness and required arguments, with the specification's examples.</summary>
public sealed class ArgumentRulesTests
{
    [Fact]
    public void Arguments_the_field_or_directive_defines_are_valid()
    {
        Valid(new ArgumentNames(), """
            fragment argOnRequiredArg on Dog {
              doesKnowCommand(dogCommand: SIT)
            }

            fragment argOnOptional on Dog {
              isHouseTrained(atOtherHomes: true) @include(if: true)
            }
            """);
    }

    [Fact]
    public void An_argument_the_field_does_not_define_is_unknown()
    {
        Invalid(new ArgumentNames(), """
            fragment invalidArgName on Dog {
              doesKnowCommand(command: CLEAN_UP_HOUSE)
            }
            """,
            new ExpectedError("Unknown argument \"command\" on field \"Dog.doesKnowCommand\". Did you mean \"dogCommand\"?", (2, 19)));
    }

    [Fact]
    public void An_argument_the_directive_does_not_define_is_unknown()
    {
        Invalid(new ArgumentNames(), """
            fragment invalidArgName on Dog {
              isHouseTrained(atOtherHomes: true) @include(unless: false)
            }
            """,
            new ExpectedError("Unknown argument \"unless\" on directive \"@include\".", (2, 47)));
    }

    [Fact]
    public void Arguments_of_unknown_fields_and_directives_are_left_to_other_rules()
    {
        Valid(new ArgumentNames(), """
            { dog { unknown(a: 1) name @unknown(b: 2) } }
            """);
    }

    [Fact]
    public void Arguments_are_unordered()
    {
        Valid(new ArgumentNames(), """
            fragment multipleArgs on Arguments {
              multipleRequirements(x: 1, y: 2)
            }

            fragment multipleArgsReverseOrder on Arguments {
              multipleRequirements(y: 2, x: 1)
            }
            """);
    }

    [Fact]
    public void Each_argument_is_given_once()
    {
        Valid(new ArgumentUniqueness(), """
            { arguments { multipleRequirements(x: 1, y: 2) } dog { name @include(if: true) } }
            """);
        Invalid(new ArgumentUniqueness(), """
            {
              arguments {
                multipleRequirements(x: 1, y: 2, x: 3, x: 4)
              }
              dog { name @include(if: true, if: false) }
            }
            """,
            new ExpectedError("There can be only one argument named \"x\".", (3, 26), (3, 38), (3, 44)),
            new ExpectedError("There can be only one argument named \"if\".", (5, 23), (5, 33)));
    }

    [Fact]
    public void Nullable_arguments_and_arguments_with_defaults_are_optional()
    {
        Valid(new RequiredArguments(), """
            fragment goodBooleanArg on Arguments {
              booleanArgField(booleanArg: true)
            }

            fragment goodNonNullArg on Arguments {
              nonNullBooleanArgField(nonNullBooleanArg: true)
            }

            fragment goodBooleanArgDefault on Arguments {
              booleanArgField
            }

            fragment goodOptionalNonNullArg on Arguments {
              optionalNonNullBooleanArgField
            }
            """);
    }

    [Fact]
    public void A_non_null_argument_without_default_must_be_given()
    {
        Invalid(new RequiredArguments(), """
            fragment missingRequiredArg on Arguments {
              nonNullBooleanArgField
            }
            """,
            new ExpectedError("Field \"nonNullBooleanArgField\" argument \"nonNullBooleanArg\" of type \"Boolean!\" is required, but it was not provided.", (2, 3)));
    }

    [Fact]
    public void A_required_directive_argument_must_be_given()
    {
        Invalid(new RequiredArguments(), """
            { dog { name @include } }
            """,
            new ExpectedError("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", (1, 14)));
    }

    [Fact]
    public void A_required_argument_given_null_is_a_value_of_the_wrong_type()
    {
        const string document = """
            fragment missingRequiredArg on Arguments {
              nonNullBooleanArgField(nonNullBooleanArg: null)
            }
            """;
        Valid(new RequiredArguments(), document);
        Invalid(new ValuesOfCorrectType(), document, new ExpectedError("Expected value of type \"Boolean!\", found null.", (2, 45)));
    }
}
