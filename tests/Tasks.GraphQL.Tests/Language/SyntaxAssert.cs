using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Tests.Language;

/// <summary>Assertions shared by the language tests.</summary>
internal static class SyntaxAssert
{
    /// <summary>Parses and asserts the exact syntax error message and its line and column.</summary>
    public static GraphQLSyntaxException ParseFails(string source, string message, int line, int column, ParserOptions? options = null)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Parser.Parse(source, options));
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.Locations));
        return error;
    }

    /// <summary>Asserts two trees are structurally equal, showing both printed when they are not.</summary>
    public static void StructurallyEqual(INode expected, INode actual)
    {
        if (!AstComparer.Instance.Equals(expected, actual))
        {
            Assert.Fail($"Trees differ.\nExpected:\n{Printer.Print(expected)}\nActual:\n{Printer.Print(actual)}");
        }
    }

    /// <summary>The only definition of a parsed document, of the given type.</summary>
    public static T SingleDefinition<T>(string source)
        where T : IDefinitionNode =>
        Assert.IsType<T>(Assert.Single(Parser.Parse(source).Definitions));

    /// <summary>The only selection of a one-operation document.</summary>
    public static T SingleSelection<T>(string source)
        where T : ISelectionNode =>
        Assert.IsType<T>(Assert.Single(SingleDefinition<OperationDefinitionNode>(source).SelectionSet.Selections));

    /// <summary>The value of the only argument of the only field of a query shorthand.</summary>
    public static IValueNode ArgumentValue(string arguments) =>
        Assert.Single(SingleSelection<FieldNode>("{ f(" + arguments + ") }").Arguments).Value;

    /// <summary>Every token of a source up to the end.</summary>
    public static List<Token> Lex(string source)
    {
        var lexer = new Lexer(new Source(source));
        var tokens = new List<Token>();
        for (var token = lexer.NextToken(); token.Kind != TokenKind.EndOfFile; token = lexer.NextToken())
        {
            tokens.Add(token);
        }

        return tokens;
    }

    /// <summary>The single token of a source.</summary>
    public static Token LexOne(string source) => Assert.Single(Lex(source));

    /// <summary>Lexes and asserts the exact syntax error message and its line and column.</summary>
    public static GraphQLSyntaxException LexFails(string source, string message, int line, int column)
    {
        var error = Assert.Throws<GraphQLSyntaxException>(() => Lex(source));
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceLocation(line, column), Assert.Single(error.Locations));
        return error;
    }
}
