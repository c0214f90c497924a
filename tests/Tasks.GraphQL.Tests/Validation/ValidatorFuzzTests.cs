using Tasks.GraphQL.Language;
using Tasks.GraphQL.Tests.Language;
using Tasks.GraphQL.Validation;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>
/// Random and mutated documents fed through the parser and then the validator: only syntax errors or
/// validation errors may come out, never another exception, and validation work grows with size.
/// </summary>
public sealed class ValidatorFuzzTests
{
    private static readonly string[] Seeds =
    [
        KitchenSink.Executable,
        """
        query Q($atOtherHomes: Boolean, $dogCommand: DogCommand!) {
          dog { name nickname barkVolume doesKnowCommand(dogCommand: $dogCommand) isHouseTrained(atOtherHomes: $atOtherHomes)
            owner { name } ...dogFragment ... on Dog { name } }
          pet { ... on Cat { meowVolume } ... on Dog { barkVolume } __typename }
          catOrDog { ... on Cat { nickname } }
        }
        fragment dogFragment on Dog { name @include(if: true) barkVolume @skip(if: $atOtherHomes) }
        mutation { mutateDog { id } }
        subscription S { newMessage { body sender } }
        """,
    ];

    private static readonly string[] Pieces = ["{", "}", "(", ")", "...", "on", "Dog", "dog", "name", "$x", ":", "@skip(if: true)", "fragment f on Cat", "...f", "[", "]", "\"s\"", "1", "null", "query", "mutation", "subscription", "__typename", " "];

    [Fact]
    public void Mutated_documents_produce_only_syntax_or_validation_errors()
    {
        var random = new Random(20261122);
        var validated = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var seed = Seeds[i % Seeds.Length];
            var text = Mutate(seed, random, 1 + random.Next(6));
            DocumentNode document;
            try
            {
                document = Parser.Parse(text);
            }
            catch (GraphQLSyntaxException)
            {
                continue;
            }

            var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, document);
            Assert.All(errors, e => Assert.Equal(DocumentValidator.ErrorCode, e.Extensions?["code"]));
            validated++;
        }

        // The mutations must leave enough documents parseable for the validator to be exercised.
        Assert.True(validated > 300, $"only {validated} mutated documents parsed");
    }

    [Fact]
    public void Random_token_soup_produces_only_syntax_or_validation_errors()
    {
        var random = new Random(7);
        for (var i = 0; i < 3_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => Pieces[random.Next(Pieces.Length)] + " "));
            try
            {
                var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, Parser.Parse(text));
                Assert.All(errors, e => Assert.False(string.IsNullOrEmpty(e.Message)));
            }
            catch (GraphQLSyntaxException)
            {
            }
        }
    }

    [Fact]
    public void Validation_work_grows_linearly_with_the_number_of_operations()
    {
        static long AllocatedFor(int operations)
        {
            var text = string.Join("\n", Enumerable.Range(0, operations).Select(i => $"query Q{i} {{ dog {{ name barkVolume owner {{ name }} }} }}"));
            var document = Parser.Parse(text, new ParserOptions { MaxTokens = int.MaxValue });
            DocumentValidator.Validate(SpecExampleSchema.Schema, document);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var errors = DocumentValidator.Validate(SpecExampleSchema.Schema, document);
            Assert.Empty(errors);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var small = AllocatedFor(50);
        var large = AllocatedFor(400);

        // Eight times the document: allocation (a deterministic measure of work) within 12 times.
        Assert.InRange(large, small, small * 12);
    }

    private static string Mutate(string text, Random random, int mutations)
    {
        var chars = text.ToList();
        for (var m = 0; m < mutations && chars.Count > 0; m++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(3))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.InsertRange(at, Pieces[random.Next(Pieces.Length)]);
                    break;
                default:
                    var other = random.Next(chars.Count);
                    (chars[at], chars[other]) = (chars[other], chars[at]);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
