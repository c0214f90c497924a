using Tasks.GraphQL.TypeSystem.Building;
using Tasks.GraphQL.Validation;
using static Tasks.GraphQL.Tests.Validation.ValidationAssert;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>Spec §5.1 (documents) and §5.2 (operations), with the specification's examples.</summary>
public sealed class DocumentAndOperationRulesTests
{
    [Fact]
    public void Operations_and_fragments_are_executable()
    {
        Valid(new ExecutableDefinitions(), """
            query getDogName { dog { ...dogName } }
            fragment dogName on Dog { name }
            """);
    }

    [Fact]
    public void A_type_extension_in_a_request_is_not_executable()
    {
        Invalid(new ExecutableDefinitions(), """
            query getDogName {
              dog {
                name
                color
              }
            }

            extend type Dog {
              color: String
            }
            """,
            new ExpectedError("The \"Dog\" definition is not executable.", (8, 1)));
    }

    [Fact]
    public void Schema_type_and_directive_definitions_are_not_executable()
    {
        Invalid(new ExecutableDefinitions(), """
            { dog { name } }
            schema { query: Query }
            type Cow { name: String }
            directive @moo on FIELD
            """,
            new ExpectedError("The schema definition is not executable.", (2, 1)),
            new ExpectedError("The \"Cow\" definition is not executable.", (3, 1)),
            new ExpectedError("The \"@moo\" definition is not executable.", (4, 1)));
    }

    [Fact]
    public void An_operation_needs_a_root_type_for_its_kind()
    {
        var queryOnly = SchemaBuilder.FromSdl("type Query { a: Int }").Build();
        Valid(new OperationTypeExistence(), "query { a }", queryOnly);
        var errors = Check(new OperationTypeExistence(), """
            mutation { a }
            subscription { a }
            """, queryOnly);
        Matches(
            nameof(OperationTypeExistence),
            errors,
            new ExpectedError("The mutation operation is not supported by the schema.", (1, 1)),
            new ExpectedError("The subscription operation is not supported by the schema.", (2, 1)));
    }

    [Fact]
    public void Operations_with_different_names_are_valid()
    {
        Valid(new OperationNameUniqueness(), """
            query getDogName {
              dog {
                name
              }
            }

            query getOwnerName {
              dog {
                owner {
                  name
                }
              }
            }
            """);
    }

    [Fact]
    public void Two_queries_cannot_share_a_name()
    {
        Invalid(new OperationNameUniqueness(), """
            query getName {
              dog {
                name
              }
            }

            query getName {
              dog {
                owner {
                  name
                }
              }
            }
            """,
            new ExpectedError("There can be only one operation named \"getName\".", (1, 7), (7, 7)));
    }

    [Fact]
    public void A_query_and_a_mutation_cannot_share_a_name()
    {
        Invalid(new OperationNameUniqueness(), """
            query dogOperation {
              dog {
                name
              }
            }

            mutation dogOperation {
              mutateDog {
                id
              }
            }
            """,
            new ExpectedError("There can be only one operation named \"dogOperation\".", (1, 7), (7, 10)));
    }

    [Fact]
    public void A_lone_anonymous_operation_is_valid()
    {
        Valid(new LoneAnonymousOperation(), """
            {
              dog {
                name
              }
            }
            """);
    }

    [Fact]
    public void An_anonymous_operation_cannot_stand_beside_another_operation()
    {
        Invalid(new LoneAnonymousOperation(), """
            {
              dog {
                name
              }
            }

            query getName {
              dog {
                owner {
                  name
                }
              }
            }
            """,
            new ExpectedError("This anonymous operation must be the only defined operation.", (1, 1)));
    }

    [Fact]
    public void A_subscription_with_one_root_field_is_valid_also_through_a_fragment()
    {
        Valid(new SingleRootField(), """
            subscription sub {
              newMessage {
                body
                sender
              }
            }
            """);
        Valid(new SingleRootField(), """
            subscription sub {
              ...newMessageFields
            }

            fragment newMessageFields on Subscription {
              newMessage {
                body
                sender
              }
            }
            """);
    }

    [Fact]
    public void A_subscription_selects_only_one_root_field()
    {
        Invalid(new SingleRootField(), """
            subscription sub {
              newMessage {
                body
                sender
              }
              disallowedSecondRootField
            }
            """,
            new ExpectedError("Subscription \"sub\" must select only one top level field.", (6, 3)));
    }

    [Fact]
    public void Root_fields_added_by_fragments_count_too()
    {
        Invalid(new SingleRootField(), """
            subscription sub {
              ...multipleSubscriptions
            }

            fragment multipleSubscriptions on Subscription {
              newMessage {
                body
                sender
              }
              disallowedSecondRootField
            }
            """,
            new ExpectedError("Subscription \"sub\" must select only one top level field.", (10, 3)));
    }

    [Fact]
    public void Fields_with_one_response_name_are_one_root_field_and_unknown_types_never_apply()
    {
        Valid(new SingleRootField(), """
            subscription {
              newMessage { body }
              ... on Subscription { newMessage { sender } }
              ... on Unknown { disallowedSecondRootField }
              ... on Query { disallowedSecondRootField: dog { name } }
            }
            """);
    }

    [Fact]
    public void An_anonymous_subscription_is_named_so_in_the_message()
    {
        Invalid(new SingleRootField(), """
            subscription {
              newMessage { body }
              second: newMessage { body }
              third: disallowedSecondRootField
            }
            """,
            new ExpectedError("Anonymous Subscription must select only one top level field.", (3, 3), (4, 3)));
    }

    [Fact]
    public void The_root_field_of_a_subscription_is_not_an_introspection_field()
    {
        Invalid(new SingleRootField(), """
            subscription sub {
              __typename
            }
            """,
            new ExpectedError("Subscription \"sub\" must not select an introspection top level field.", (2, 3)));
    }

    [Fact]
    public void An_introspection_field_beside_the_root_field_breaks_both_requirements()
    {
        Invalid(new SingleRootField(), """
            subscription sub {
              newMessage {
                body
                sender
              }
              __typename
            }
            """,
            new ExpectedError("Subscription \"sub\" must select only one top level field.", (6, 3)),
            new ExpectedError("Subscription \"sub\" must not select an introspection top level field.", (6, 3)));
    }

    [Fact]
    public void Top_level_selections_of_a_subscription_cannot_be_skipped_or_included()
    {
        Invalid(new SingleRootField(), """
            subscription sub($bool: Boolean!) {
              newMessage @include(if: $bool) {
                body
              }
              ...fragmentWithSkip @skip(if: $bool)
            }

            fragment fragmentWithSkip on Subscription {
              newMessage @skip(if: true) { sender }
            }
            """,
            new ExpectedError(
                "Subscription \"sub\" must not use `@skip` or `@include` directives in the top level selection.",
                (2, 14),
                (5, 23),
                (9, 14)));
    }

    [Fact]
    public void Skip_and_include_are_allowed_below_the_root_field()
    {
        Valid(new SingleRootField(), """
            subscription sub($bool: Boolean!) {
              newMessage {
                body @skip(if: $bool)
                ... @include(if: $bool) { sender }
              }
            }
            """);
    }

    [Fact]
    public void Queries_and_mutations_may_select_many_root_fields()
    {
        Valid(new SingleRootField(), """
            query { dog { name } human { name } __typename }
            mutation { mutateDog { id } addPet(pet: { cat: { name: "Brontie" } }) { name } }
            """);
    }
}
