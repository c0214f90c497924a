using System.Text;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.Validation;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>The validator as a whole: every rule in one walk, the error format, the limits and the switches.</summary>
public sealed class DocumentValidatorTests
{
    // Touches every rule: named operations of each kind, variables with defaults and directives,
    // fragments spread through fragments, inline fragments on interfaces and unions, aliases that
    // merge, lists, input objects, @oneOf, enums, repeatable and built-in directives, introspection.
    private const string EverythingValid = """
        query DogAndFriends($atOtherHomes: Boolean = true, $command: DogCommand!, $search: FindDogInput = { name: "Fido" }, $withOwner: Boolean! = false) {
          __typename
          dog {
            ...dogFields
            ... on Pet { name }
            owner @include(if: $withOwner) { ...humanFields }
          }
          findDog(searchBy: $search) {
            name
            doesKnowCommand(dogCommand: $command)
          }
          catOrDog {
            __typename
            ... on Dog { volume: barkVolume }
            ... on Cat { volume: meowVolume }
          }
          arguments {
            multipleRequirements(x: 1, y: 2)
            booleanListArgField(booleanListArg: [true, false])
            single: booleanListArgField(booleanListArg: true)
            optionalNonNullBooleanArgField(optionalBooleanArg: $atOtherHomes)
            floatArgField(floatArg: 1)
          }
          booleanList(booleanListArg: [true])
          node { id ... on Resource { url } }
        }

        mutation AddPets($dog: DogInput!) {
          addPet(pet: { dog: $dog }) { name }
          addPets(pets: [{ cat: { name: "Brontie", meowVolume: 3 } }, { dog: { name: "Rex" } }]) { name }
          mutateDog { id }
        }

        subscription OnMessage {
          newMessage {
            body @tag(name: "a") @tag(name: "b")
            sender
          }
        }

        fragment dogFields on Dog {
          name
          nickname
          isHouseTrained(atOtherHomes: $atOtherHomes)
          ...petFields
        }

        fragment petFields on Pet {
          name
          ... on Dog { barkVolume }
          ... on Cat { meowVolume }
        }

        fragment humanFields on Human {
          name
          pets { name ...petFields }
        }
        """;

    [Fact]
    public void The_specified_rules_are_every_rule_of_the_spec_in_its_order()
    {
        Assert.Equal(
            [
                "ExecutableDefinitions", "OperationTypeExistence", "OperationNameUniqueness", "LoneAnonymousOperation", "SingleRootField",
                "FieldSelectionsOnObjectsInterfacesAndUnionsTypes", "FieldSelectionMerging", "LeafFieldSelections",
                "ArgumentNames", "ArgumentUniqueness", "RequiredArguments",
                "FragmentNameUniqueness", "FragmentSpreadTypeExistence", "FragmentsOnCompositeTypes", "FragmentsMustBeUsed",
                "FragmentSpreadTargetDefined", "FragmentSpreadsMustNotFormCycles", "FragmentSpreadIsPossible",
                "ValuesOfCorrectType", "InputObjectFieldNames", "InputObjectFieldUniqueness", "InputObjectRequiredFields",
                "DirectivesAreDefined", "DirectivesAreInValidLocations", "DirectivesAreUniquePerLocation",
                "VariableUniqueness", "VariablesAreInputTypes", "AllVariableUsesDefined", "AllVariablesUsed", "AllVariableUsagesAreAllowed",
            ],
            DocumentValidator.SpecifiedRules.Select(r => r.Name));
    }

    [Fact]
    public void A_document_that_exercises_every_rule_validly_has_no_errors()
    {
        var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, Parser.Parse(EverythingValid));
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Message} [{e.Extensions?["rule"]}]")));
    }

    [Fact]
    public void Every_rule_reports_through_one_walk_with_its_name_and_the_validation_code()
    {
        var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, Parser.Parse("""
            query Q($unused: Int) {
              dog { meowVolume name(x: 1) }
              ...missing
            }
            fragment lonely on Cat { name }
            """));
        Assert.Equal(
            [
                ("FieldSelectionsOnObjectsInterfacesAndUnionsTypes", "Cannot query field \"meowVolume\" on type \"Dog\". Did you mean \"barkVolume\"?"),
                ("ArgumentNames", "Unknown argument \"x\" on field \"Dog.name\"."),
                ("FragmentSpreadTargetDefined", "Unknown fragment \"missing\"."),
                ("FragmentsMustBeUsed", "Fragment \"lonely\" is never used."),
                ("AllVariablesUsed", "Variable \"$unused\" is never used in operation \"Q\"."),
            ],
            errors.Select(e => ((string)e.Extensions!["rule"]!, e.Message)));
        Assert.All(errors, e => Assert.Equal(DocumentValidator.ErrorCode, e.Extensions!["code"]));
        Assert.All(errors, e => Assert.Null(e.Path));
    }

    [Fact]
    public void Type_system_definitions_are_reported_once_without_checking_their_insides()
    {
        var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, Parser.Parse("""
            { dog { name } }
            type Cow @unknown { moo(arg: NotAType = 1): Moo @deprecated(reason: 1) }
            """));
        var error = Assert.Single(errors);
        Assert.Equal("The \"Cow\" definition is not executable.", error.Message);
    }

    [Fact]
    public void Validation_stops_at_the_error_limit_with_an_error_saying_so()
    {
        var document = new StringBuilder("{ dog { ");
        for (var i = 0; i < 50; i++)
        {
            document.Append($"unknown{i} ");
        }

        document.Append("} }");
        var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, Parser.Parse(document.ToString()), new ValidationOptions { MaxErrors = 10 });

        Assert.Equal(11, errors.Count);
        Assert.All(errors.Take(10), e => Assert.StartsWith("Cannot query field \"unknown", e.Message, StringComparison.Ordinal));
        Assert.Equal("Too many validation errors, error limit reached. Validation aborted.", errors[10].Message);
        Assert.Equal(DocumentValidator.ErrorCode, errors[10].Extensions!["code"]);
        Assert.Null(errors[10].Locations);
    }

    [Fact]
    public void The_error_limit_is_100_by_default()
    {
        var document = new StringBuilder("{ dog { ");
        for (var i = 0; i < 150; i++)
        {
            document.Append($"unknown{i} ");
        }

        document.Append("} }");
        var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, Parser.Parse(document.ToString()));
        Assert.Equal(101, errors.Count);
        Assert.Equal(ValidationContext.TooManyErrorsMessage, errors[100].Message);
    }

    [Fact]
    public void Exactly_as_many_errors_as_the_limit_are_reported_without_aborting()
    {
        var errors = DocumentValidator.Validate(
            SpecExampleSchema.Schema,
            Parser.Parse("{ dog { a b } }"),
            new ValidationOptions { MaxErrors = 2 });
        Assert.Equal(2, errors.Count);
        Assert.DoesNotContain(errors, e => e.Message == ValidationContext.TooManyErrorsMessage);
    }

    [Fact]
    public void Suggestions_can_be_turned_off_so_messages_do_not_reveal_the_schema()
    {
        var options = new ValidationOptions { IncludeSuggestions = false };
        var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, Parser.Parse("""
            query ($x: Strin) {
              dog { meowVolume doesKnowCommand(dogComand: SITT) }
              pet { nickname }
              findDog(searchBy: { nmae: "Fido" }) { name @skp }
            }
            """), options);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.DoesNotContain("Did you mean", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_chosen_set_of_rules_runs_alone()
    {
        var errors = DocumentValidator.Validate(
            SpecExampleSchema.Schema,
            Parser.Parse("{ dog { unknown } } fragment unused on Dog { name }"),
            new ValidationOptions { Rules = [new FragmentsMustBeUsed()] });
        var error = Assert.Single(errors);
        Assert.Equal("FragmentsMustBeUsed", error.Extensions!["rule"]);
    }

    [Fact]
    public void A_rule_may_ask_for_variable_usages_before_the_walk_reaches_the_fragments()
    {
        var errors = DocumentValidator.Validate(
            SpecExampleSchema.Schema,
            Parser.Parse("""
                query ($flag: Boolean!) { dog { ...f } }
                fragment f on Dog { isHouseTrained(atOtherHomes: $flag) ...g }
                fragment g on Dog { doesKnowCommand(dogCommand: $command) }
                """),
            new ValidationOptions { Rules = [new UsageReportingRule(), new AllVariablesUsed(), new AllVariableUsesDefined()] });
        Assert.Equal(
            [
                "$flag: Boolean at 2:50; $command: DogCommand! at 3:49",
                "Variable \"$command\" is not defined.",
            ],
            errors.Select(e => e.Message));
    }

    // Reports, on entering each operation, the usages its fragments make: fragments not walked yet.
    private sealed class UsageReportingRule : IValidationRule
    {
        public string Name => "UsageReporting";

        public ValidationRuleVisitor CreateVisitor(ValidationContext context) => new Visitor(this, context);

        private sealed class Visitor(IValidationRule rule, ValidationContext context) : ValidationRuleVisitor(rule, context)
        {
            protected override VisitAction EnterOperationDefinition(OperationDefinitionNode node)
            {
                var usages = Context.GetRecursiveVariableUsages(node)
                    .Select(u => $"${u.Node.Name.Value}: {u.Type} at {u.Node.Location!.Value.Line}:{u.Node.Location!.Value.Column}");
                ReportError(string.Join("; ", usages), node);
                return VisitAction.Continue;
            }
        }
    }
}
