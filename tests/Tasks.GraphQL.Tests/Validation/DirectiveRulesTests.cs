using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.7 Directives, with the specification's examples.</summary>
public sealed class DirectiveRulesTests
{
    [Fact]
    public void Directives_the_schema_defines_are_known()
    {
        Valid(new DirectivesAreDefined(), """
            query ($flag: Boolean!) { dog { name @skip(if: $flag) nickname @include(if: true) @tag(name: "a") } }
            """);
    }

    [Fact]
    public void A_directive_the_schema_does_not_define_is_unknown()
    {
        Invalid(new DirectivesAreDefined(), """
            {
              dog {
                name @unknown
                nickname @skp(if: true)
              }
            }
            """,
            new ExpectedError("Unknown directive \"@unknown\".", (3, 10)),
            new ExpectedError("Unknown directive \"@skp\". Did you mean \"skip\"?", (4, 14)));
    }

    [Fact]
    public void A_directive_is_used_only_where_its_definition_allows()
    {
        var rule = new DirectivesAreInValidLocations();
        Valid(rule, """
            { dog { name @skip(if: false) ...f @include(if: true) ... @tag(name: "x") { nickname } } }
            fragment f on Dog { barkVolume }
            """);
        Invalid(rule, """
            query @skip(if: $foo) {
              dog { name }
            }
            """,
            new ExpectedError("Directive \"@skip\" may not be used on QUERY.", (1, 7)));
    }

    [Fact]
    public void Every_executable_location_is_named_in_the_message()
    {
        Invalid(new DirectivesAreInValidLocations(), """
            mutation @include(if: true) { mutateDog { id } }
            subscription @tag(name: "s") { newMessage { body } }
            query ($v: Int @skip(if: true)) { dog { name @deprecated } }
            fragment f on Dog @include(if: true) { name }
            """,
            new ExpectedError("Directive \"@include\" may not be used on MUTATION.", (1, 10)),
            new ExpectedError("Directive \"@tag\" may not be used on SUBSCRIPTION.", (2, 14)),
            new ExpectedError("Directive \"@skip\" may not be used on VARIABLE_DEFINITION.", (3, 16)),
            new ExpectedError("Directive \"@deprecated\" may not be used on FIELD.", (3, 46)),
            new ExpectedError("Directive \"@include\" may not be used on FRAGMENT_DEFINITION.", (4, 19)));
    }

    [Fact]
    public void The_same_directive_on_different_fields_is_valid()
    {
        Valid(new DirectivesAreUniquePerLocation(), """
            query ($foo: Boolean = true, $bar: Boolean = false) {
              dog @skip(if: $foo) {
                name
              }
              dog @skip(if: $bar) {
                nickname
              }
            }
            """);
    }

    [Fact]
    public void A_directive_cannot_be_used_twice_at_one_location()
    {
        Invalid(new DirectivesAreUniquePerLocation(), """
            query ($foo: Boolean = true, $bar: Boolean = false) {
              dog @skip(if: $foo) @skip(if: $bar) {
                name
              }
            }
            """,
            new ExpectedError("The directive \"@skip\" can only be used once at this location.", (2, 7), (2, 23)));
    }

    [Fact]
    public void A_repeatable_directive_may_be_used_many_times_and_unknown_ones_are_left_alone()
    {
        Valid(new DirectivesAreUniquePerLocation(), """
            { dog { name @tag(name: "a") @tag(name: "b") @unknown @unknown } }
            """);
    }
}
