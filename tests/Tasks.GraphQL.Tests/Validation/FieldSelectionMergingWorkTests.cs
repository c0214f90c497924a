using System.Text;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;
using Tasks.GraphQL.TypeSystem.Building;
using Tasks.GraphQL.Validation;

namespace Tasks.GraphQL.Tests.Validation;

/// <summary>
/// Field merging stays cheap on documents built to make a naive comparison explode. The work is
/// counted in pairs of fields compared, so the bounds do not depend on the machine.
/// </summary>
public sealed class FieldSelectionMergingWorkTests
{
    private static readonly Schema RecursiveSchema = SchemaBuilder.FromSdl("""
        type Query { t: T }
        type T { a: T, b: Int, c: String }
        """).Build();

    private static (IReadOnlyList<Tasks.GraphQL.Execution.GraphQLError> Errors, long Comparisons) Validate(string document)
    {
        var context = DocumentValidator.Run(RecursiveSchema, Parser.Parse(document, new ParserOptions { MaxTokens = 1_000_000 }));
        return (context.Errors, context.FieldComparisons);
    }

    [Fact]
    public void The_same_fragment_spread_many_times_is_compared_once()
    {
        var document = new StringBuilder("{ t { ");
        for (var i = 0; i < 2_000; i++)
        {
            document.Append("...F ");
        }

        document.Append("} } fragment F on T { a { b } b c }");
        var (errors, comparisons) = Validate(document.ToString());
        Assert.Empty(errors);
        Assert.True(comparisons < 10, $"{comparisons} comparisons");
    }

    [Fact]
    public void The_same_field_written_many_times_is_compared_once()
    {
        var document = new StringBuilder("{ t { ");
        for (var i = 0; i < 3_000; i++)
        {
            document.Append("a { b } b ");
        }

        document.Append("} }");
        var (errors, comparisons) = Validate(document.ToString());
        Assert.Empty(errors);
        Assert.True(comparisons < 10, $"{comparisons} comparisons");
    }

    [Fact]
    public void Fragments_that_each_spread_the_previous_pair_twice_are_compared_pairwise_once()
    {
        // A_i and B_i each hold two "a" fields spreading A_(i-1) and B_(i-1): comparing them naively
        // takes 8^i comparisons. The directive only stops the copies from being recognised as equal.
        const int depth = 40;
        var document = new StringBuilder("{ t { ...A40 ...B40 } }\n");
        document.Append("fragment A0 on T { b }\nfragment B0 on T { b }\n");
        for (var i = 1; i <= depth; i++)
        {
            foreach (var name in new[] { "A", "B" })
            {
                document.Append($"fragment {name}{i} on T {{ a {{ ...A{i - 1} ...B{i - 1} }} a @include(if: true) {{ ...B{i - 1} ...A{i - 1} }} }}\n");
            }
        }

        var (errors, comparisons) = Validate(document.ToString());
        Assert.Empty(errors);
        Assert.True(comparisons < 50 * depth, $"{comparisons} comparisons");
    }

    [Fact]
    public void A_conflict_deep_in_a_fragment_chain_is_still_found()
    {
        const int depth = 30;
        var document = new StringBuilder("{ t { ...A30 ...B30 } }\n");
        document.Append("fragment A0 on T { x: b }\nfragment B0 on T { x: c }\n");
        for (var i = 1; i <= depth; i++)
        {
            foreach (var name in new[] { "A", "B" })
            {
                document.Append($"fragment {name}{i} on T {{ a {{ ...{name}{i - 1} }} }}\n");
            }
        }

        var (errors, comparisons) = Validate(document.ToString());
        var error = Assert.Single(errors);
        Assert.StartsWith("Fields \"a\" conflict because subfields \"a\" conflict because", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"b\" and \"c\" are different fields", error.Message, StringComparison.Ordinal);
        Assert.Equal(2 * (depth + 1), error.Locations!.Count);
        Assert.True(comparisons < 10 * depth, $"{comparisons} comparisons");
    }

    [Fact]
    public void Many_fragments_spread_together_cost_one_comparison_per_pair_of_their_fields()
    {
        const int fragments = 100;
        var document = new StringBuilder("{ t { ");
        for (var i = 0; i < fragments; i++)
        {
            document.Append($"...F{i} ...F{i} ");
        }

        document.Append("} }\n");
        for (var i = 0; i < fragments; i++)
        {
            document.Append($"fragment F{i} on T {{ b a {{ c }} }}\n");
        }

        var (errors, comparisons) = Validate(document.ToString());
        Assert.Empty(errors);

        // Each of the 4,950 pairs of fragments compares b with b, a with a, and then c with c.
        Assert.True(comparisons <= 3 * fragments * (fragments - 1) / 2, $"{comparisons} comparisons");
    }

    [Fact]
    public void Deeply_nested_fields_written_twice_cost_one_comparison_per_level()
    {
        const int depth = 150;
        var nested = new StringBuilder("b");
        for (var i = 0; i < depth; i++)
        {
            nested.Insert(0, "a { ").Append(" }");
        }

        var (errors, comparisons) = Validate($"{{ t {{ {nested} {nested.ToString().Replace("a {", "a @include(if: true) {", StringComparison.Ordinal)} }} }}");
        Assert.Empty(errors);
        Assert.True(comparisons <= 2 * depth, $"{comparisons} comparisons");
    }

    [Fact]
    public void A_long_chain_of_spreads_compares_each_field_only_with_fields_of_the_same_name()
    {
        // A_i selects x_i and spreads A_(i-1): no two fields share a name except x5 in A5 and A0.
        const int length = 1_000;
        var document = new StringBuilder($"{{ t {{ ...A{length} }} }}\nfragment A0 on T {{ x5: c }}\n");
        for (var i = 1; i <= length; i++)
        {
            document.Append($"fragment A{i} on T {{ x{i}: b ...A{i - 1} }}\n");
        }

        var (errors, comparisons) = Validate(document.ToString());
        var error = Assert.Single(errors);
        Assert.Equal(
            "Fields \"x5\" conflict because \"b\" and \"c\" are different fields. Use different aliases on the fields to fetch both if this was intentional.",
            error.Message);
        Assert.Equal(1, comparisons);
    }

    [Fact]
    public void The_same_field_in_every_fragment_of_a_chain_is_compared_once_per_pair_of_fragments()
    {
        // The one cost that stays quadratic: each fragment's "b" is a different field from every other
        // fragment's "b" it reaches, and the spec compares each such pair.
        const int length = 300;
        var document = new StringBuilder($"{{ t {{ ...A{length} }} }}\nfragment A0 on T {{ b }}\n");
        for (var i = 1; i <= length; i++)
        {
            document.Append($"fragment A{i} on T {{ b ...A{i - 1} }}\n");
        }

        var (errors, comparisons) = Validate(document.ToString());
        Assert.Empty(errors);
        Assert.Equal(length * (length + 1) / 2, comparisons);
    }

    [Fact]
    public void Fields_nested_through_more_fragments_than_the_stack_can_follow_are_reported_not_crashed_on()
    {
        const int depth = 2_000;
        var document = new StringBuilder($"{{ t {{ ...A{depth} ...B{depth} }} }}\n");
        document.Append("fragment A0 on T { x: b }\nfragment B0 on T { x: c }\n");
        for (var i = 1; i <= depth; i++)
        {
            document.Append($"fragment A{i} on T {{ a {{ ...A{i - 1} }} }}\nfragment B{i} on T {{ a {{ ...B{i - 1} }} }}\n");
        }

        IReadOnlyList<Tasks.GraphQL.Execution.GraphQLError>? errors = null;
        var parsed = Parser.Parse(document.ToString(), new ParserOptions { MaxTokens = 1_000_000 });

        // A small stack, like a busy server thread's, makes the limit certain to be reached.
        var thread = new Thread(() => errors = DocumentValidator.Validate(RecursiveSchema, parsed), 256 * 1024);
        thread.Start();
        thread.Join();

        var error = Assert.Single(errors!);
        Assert.Equal("The fragments spread in this selection set nest too deeply to check that their fields can be merged.", error.Message);
        Assert.Equal("FieldSelectionMerging", error.Extensions!["rule"]);
    }
}
