using FsCheck;
using FsCheck.Fluent;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Tests.Language;

// Properties of the printer over generated trees: printing then parsing gives the tree back.
public class PrinterRoundTripPropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(1_000);

    // Characters that stress string printing: quotes, backslashes, white space, line ends, controls,
    // non-ASCII and a surrogate pair (lone surrogates are not source characters, so they are left out).
    private static readonly string[] StringPieces =
    [
        "a", "Z", " ", "  ", "\t", "\n", "\r", "\r\n", "\"", "\"\"\"", "\\", "\\\"\"\"", "\u0001", "\u007F", "é", "😀", "#", "{",
    ];

    private static readonly string[] Names = ["a", "b", "id", "query", "on", "true", "null", "_x", "Type", "__typename"];

    private static readonly Gen<string> Text = Gen.Elements(StringPieces).ArrayOf().Select(string.Concat);

    private static readonly Gen<NameNode> Name = Gen.Elements(Names).Select(name => new NameNode(name));

    [Fact]
    public void A_string_value_reads_back_the_same_and_stays_a_block_string_when_it_can()
    {
        var strings = Gen.Zip(Text, Gen.Elements(true, false)).ToArbitrary();

        Check.One(Config, Prop.ForAll(strings, pair =>
        {
            var (text, isBlock) = pair;
            var printed = Printer.Print(new StringValueNode { Value = text, IsBlock = isBlock });

            var parsed = Assert.IsType<StringValueNode>(Parser.ParseValue(printed));

            return parsed.Value == text && parsed.IsBlock == (isBlock && BlockString.CanPrintAsBlock(text));
        }));
    }

    [Fact]
    public void An_indented_block_description_reads_back_the_same()
    {
        var descriptions = Text.Where(BlockString.CanPrintAsBlock).ToArbitrary();

        Check.One(Config, Prop.ForAll(descriptions, text =>
        {
            var type = new ObjectTypeDefinitionNode
            {
                Name = new NameNode("T"),
                Fields =
                [
                    new FieldDefinitionNode
                    {
                        Description = new StringValueNode { Value = text, IsBlock = true },
                        Name = new NameNode("f"),
                        Arguments =
                        [
                            new InputValueDefinitionNode
                            {
                                Description = new StringValueNode { Value = text, IsBlock = true },
                                Name = new NameNode("a"),
                                Type = new NamedTypeNode { Name = new NameNode("Int") },
                            },
                        ],
                        Type = new NamedTypeNode { Name = new NameNode("Int") },
                    },
                ],
            };
            var document = new DocumentNode { Definitions = [type] };

            return AstComparer.Instance.Equals(document, Parser.Parse(Printer.Print(document)));
        }));
    }

    [Fact]
    public void A_generated_operation_reads_back_the_same()
    {
        Check.One(Config, Prop.ForAll(Operation().ToArbitrary(), operation =>
        {
            var document = new DocumentNode { Definitions = [operation] };
            var printed = Printer.Print(document);

            var reparsed = Parser.Parse(printed, new ParserOptions { MaxTokens = int.MaxValue });

            return AstComparer.Instance.Equals(document, reparsed);
        }));
    }

    private static Gen<OperationDefinitionNode> Operation() =>
        from operation in Gen.Elements(OperationType.Query, OperationType.Mutation, OperationType.Subscription)
        from name in Name.OrNull()
        from selections in SelectionSet(depth: 3)
        from directives in Directives()
        select new OperationDefinitionNode { Operation = operation, Name = name, Directives = directives, SelectionSet = selections };

    private static Gen<SelectionSetNode> SelectionSet(int depth) =>
        Selection(depth).NonEmptyListOf().Resize(4).Select(selections => new SelectionSetNode { Selections = [.. selections] });

    private static Gen<ISelectionNode> Selection(int depth)
    {
        var leaf = from alias in Name.OrNull()
                   from name in Name
                   from arguments in Arguments()
                   from directives in Directives()
                   select (ISelectionNode)new FieldNode { Alias = alias, Name = name, Arguments = arguments, Directives = directives };
        var spread = from name in Gen.Elements("F", "Frag", "onion")
                     from directives in Directives()
                     select (ISelectionNode)new FragmentSpreadNode { Name = new NameNode(name), Directives = directives };
        if (depth == 0)
        {
            return Gen.OneOf(leaf, spread);
        }

        var parent = from alias in Name.OrNull()
                     from name in Name
                     from arguments in Arguments()
                     from selections in SelectionSet(depth - 1)
                     select (ISelectionNode)new FieldNode { Alias = alias, Name = name, Arguments = arguments, SelectionSet = selections };
        var inline = from condition in Gen.Elements("T", "U").Select(type => new NamedTypeNode { Name = new NameNode(type) }).OrNull()
                     from directives in Directives()
                     from selections in SelectionSet(depth - 1)
                     select (ISelectionNode)new InlineFragmentNode { TypeCondition = condition, Directives = directives, SelectionSet = selections };
        return Gen.Frequency((3, leaf), (1, spread), (2, parent), (1, inline));
    }

    private static Gen<IReadOnlyList<ArgumentNode>> Arguments() =>
        (from name in Name
         from value in Value(depth: 2)
         select new ArgumentNode { Name = name, Value = value })
        .ListOf()
        .Select(arguments => (IReadOnlyList<ArgumentNode>)[.. arguments])
        .Resize(4);

    private static Gen<IReadOnlyList<DirectiveNode>> Directives() =>
        (from name in Gen.Elements("include", "skip", "d")
         from arguments in Arguments()
         select new DirectiveNode { Name = new NameNode(name), Arguments = arguments })
        .ListOf()
        .Select(directives => (IReadOnlyList<DirectiveNode>)[.. directives])
        .Resize(2);

    private static Gen<IValueNode> Value(int depth)
    {
        var scalars = Gen.OneOf(
            Gen.Elements("0", "-0", "12", "-345", "9999999999999999999").Select(text => (IValueNode)new IntValueNode { Value = text }),
            Gen.Elements("0.0", "-1.5", "1e10", "2.5E-3").Select(text => (IValueNode)new FloatValueNode { Value = text }),
            Gen.Zip(Text, Gen.Elements(true, false)).Where(pair => !pair.Item2 || BlockString.CanPrintAsBlock(pair.Item1))
                .Select(pair => (IValueNode)new StringValueNode { Value = pair.Item1, IsBlock = pair.Item2 }),
            Gen.Elements(true, false).Select(value => (IValueNode)new BooleanValueNode { Value = value }),
            Gen.Constant((IValueNode)new NullValueNode()),
            Gen.Elements("A", "RED", "on", "Null").Select(value => (IValueNode)new EnumValueNode { Value = value }),
            Name.Select(name => (IValueNode)new VariableNode { Name = name }));
        if (depth == 0)
        {
            return scalars;
        }

        var list = Value(depth - 1).ListOf().Resize(3).Select(values => (IValueNode)new ListValueNode { Values = [.. values] });
        var objectValue = (from name in Name
                           from value in Value(depth - 1)
                           select new ObjectFieldNode { Name = name, Value = value })
            .ListOf()
            .Resize(3)
            .Select(fields => (IValueNode)new ObjectValueNode { Fields = [.. fields] });
        return Gen.Frequency((4, scalars), (1, list), (1, objectValue));
    }
}
