using FsCheck;
using FsCheck.Fluent;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Tests.Language;

// Whatever text it is given, the parser either returns a tree or throws GraphQLSyntaxException, never
// anything else; and every tree it returns prints to text that parses back to the same tree.
public class ParserFuzzTests
{
    // Pieces of GraphQL, plus characters that are often mishandled: quotes, backslashes, lone
    // surrogates, a byte order mark, and number fragments.
    private static readonly string[] Fragments =
    [
        "{", "}", "(", ")", "[", "]", ":", "$", "@", "...", "!", "=", "|", "&", ",", " ", "\n", "\r\n", "\t",
        "query", "mutation", "subscription", "fragment", "on", "type", "extend", "schema", "scalar", "interface",
        "union", "enum", "input", "directive", "repeatable", "implements", "true", "false", "null",
        "a", "B", "_c", "__typename", "1", "-0", "00", "1.5e3", "1.", ".5", "0x1", "\"s\"", "\"\"", "\"\"\"block\"\"\"",
        "\"\"\"", "\"\\u{1F600}\"", "\"\\uD83D\\uDE00\"", "\"\\uD83D\"", "\"\\q\"", "#comment\n", "\uFEFF", "\"", "\\",
        ".", "..", "\uD800", "\uDC00", "😀", "é", "\u0000", "'",
    ];

    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2_000);

    [Fact]
    public void Random_sequences_of_graphql_fragments_parse_or_fail_with_a_syntax_error()
    {
        var documents = Gen.Elements(Fragments).ArrayOf().Select(string.Concat);

        Check.One(Config, Prop.ForAll(documents.ToArbitrary(), ParsesOrFailsCleanly));
    }

    [Fact]
    public void Arbitrary_strings_parse_or_fail_with_a_syntax_error()
    {
        var strings = ArbMap.Default.ArbFor<string>().Filter(text => text is not null);

        Check.One(Config, Prop.ForAll(strings, ParsesOrFailsCleanly));
    }

    [Fact]
    public void Arbitrary_strings_given_to_ParseValue_and_ParseType_fail_only_with_syntax_errors()
    {
        var strings = Gen.Elements(Fragments).ArrayOf().Select(string.Concat).ToArbitrary();

        Check.One(Config, Prop.ForAll(strings, text => FailsOnlyWithSyntaxErrors(() => Parser.ParseValue(text))
            && FailsOnlyWithSyntaxErrors(() => Parser.ParseConstValue(text))
            && FailsOnlyWithSyntaxErrors(() => Parser.ParseType(text))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mutated_kitchen_sinks_parse_or_fail_with_a_syntax_error(int seed)
    {
        var random = new Random(seed);
        var parsedCount = 0;
        for (var i = 0; i < 1_500; i++)
        {
            var original = random.Next(2) == 0 ? KitchenSink.Executable : KitchenSink.Schema;
            var mutated = Mutate(original, random, mutations: random.Next(1, 5));

            Assert.True(ParsesOrFailsCleanly(mutated));
            if (TryParse(mutated) is not null)
            {
                parsedCount++;
            }
        }

        // Some mutations (in comments, strings and names) keep the document valid; those exercise the
        // printer round trip as well.
        Assert.InRange(parsedCount, 1, 1_499);
    }

    private static bool ParsesOrFailsCleanly(string text)
    {
        DocumentNode? document;
        try
        {
            document = Parser.Parse(text);
        }
        catch (GraphQLSyntaxException error)
        {
            // A syntax error always points inside (or just past) the source.
            return error.Position >= 0 && error.Position <= text.Length && error.Locations.Count == 1;
        }

        var printed = Printer.Print(document);
        var reparsed = Parser.Parse(printed, new ParserOptions { MaxTokens = int.MaxValue });
        if (!AstComparer.Instance.Equals(document, reparsed))
        {
            Assert.Fail($"Printing changed the document.\nSource:\n{text}\nPrinted:\n{printed}");
        }

        return Printer.Print(reparsed) == printed;
    }

    private static bool FailsOnlyWithSyntaxErrors(Action parse)
    {
        try
        {
            parse();
        }
        catch (GraphQLSyntaxException)
        {
        }

        return true;
    }

    private static DocumentNode? TryParse(string text)
    {
        try
        {
            return Parser.Parse(text);
        }
        catch (GraphQLSyntaxException)
        {
            return null;
        }
    }

    private static string Mutate(string text, Random random, int mutations)
    {
        var chars = new List<char>(text);
        for (var m = 0; m < mutations && chars.Count > 1; m++)
        {
            var at = random.Next(chars.Count);
            switch (random.Next(7))
            {
                case 0:
                    chars.RemoveAt(at);
                    break;
                case 1:
                    chars.Insert(at, Fragments[random.Next(Fragments.Length)][0]);
                    break;
                case 2 when at + 1 < chars.Count:
                    (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    break;
                case 3:
                    chars.RemoveRange(at, Math.Min(random.Next(1, 20), chars.Count - at));
                    break;
                case 4:
                    var slice = chars.GetRange(at, Math.Min(random.Next(1, 40), chars.Count - at));
                    chars.InsertRange(random.Next(chars.Count), slice);
                    break;
                case 5:
                    chars.InsertRange(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                default:
                    chars[at] = (char)random.Next(0, 0x10000);
                    break;
            }
        }

        return new string([.. chars]);
    }
}
