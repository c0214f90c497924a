using Tasks.GraphQL.Execution;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;
using Tasks.GraphQL.Validation;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>An error a test expects: its message and where it points, as (line, column) pairs.</summary>
internal sealed record ExpectedError(string Message, params (int Line, int Column)[] Locations);

/// <summary>Runs rules over documents and compares the errors with what the specification says.</summary>
internal static class ValidationAssert
{
    /// <summary>Validates with only <paramref name="rule"/>, against the spec's example schema unless another is given.</summary>
    public static IReadOnlyList<GraphQLError> Check(IValidationRule rule, string document, Schema? schema = null) =>
        DocumentValidator.Validate(schema ?? SpecExampleSchema.Schema, Parser.Parse(document), new ValidationOptions { Rules = [rule] });

    /// <summary>The document passes <paramref name="rule"/>.</summary>
    public static void Valid(IValidationRule rule, string document, Schema? schema = null)
    {
        var errors = Check(rule, document, schema);
        Assert.True(errors.Count == 0, $"expected no errors, got:\n{Describe(errors)}");
    }

    /// <summary>The document breaks <paramref name="rule"/> with exactly <paramref name="expected"/>, in order.</summary>
    public static void Invalid(IValidationRule rule, string document, params ExpectedError[] expected) =>
        Matches(rule.Name, Check(rule, document), expected);

    /// <summary>The errors are exactly <paramref name="expected"/>, in order, each from the rule named.</summary>
    public static void Matches(string ruleName, IReadOnlyList<GraphQLError> errors, params ExpectedError[] expected)
    {
        Assert.True(errors.Count == expected.Length, $"expected {expected.Length} error(s), got:\n{Describe(errors)}");
        for (var i = 0; i < expected.Length; i++)
        {
            var error = errors[i];
            Assert.Equal(expected[i].Message, error.Message);
            var locations = error.Locations?.Select(l => (l.Line, l.Column)).ToArray() ?? [];
            Assert.Equal(expected[i].Locations, locations);
            Assert.NotNull(error.Extensions);
            Assert.Equal(DocumentValidator.ErrorCode, error.Extensions["code"]);
            Assert.Equal(ruleName, error.Extensions["rule"]);
        }
    }

    private static string Describe(IReadOnlyList<GraphQLError> errors) => string.Join(
        "\n",
        errors.Select(e => $"  {e.Message} at {string.Join(", ", e.Locations?.Select(l => $"({l.Line},{l.Column})") ?? [])} [{e.Extensions?["rule"]}]"));
}
