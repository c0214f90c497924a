using System.Diagnostics;
using System.Text;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Tests.Language;

// Parsing work grows linearly with the size of the input. Two measures: allocated bytes, which are
// deterministic and must grow at most 8 × 1.5 times for 8 times the text, and wall-clock time, which on a
// shared machine is noisy and so may grow up to 8 × 3 times. Each shape targets a part of the parser that
// a careless implementation would make quadratic. Documents are about 8 KB and 64 KB of text, small enough that
// no single allocation lands on the large object heap, whose collections would dominate the timing.
[Collection(nameof(ParseTimingGroup))]
public class ParseTimeTests
{
    private const int Growth = 8;
    private const double AllowedTimeRatio = Growth * 3;
    private const double AllowedAllocationRatio = Growth * 1.5;
    private static readonly ParserOptions Unlimited = new() { MaxTokens = int.MaxValue, MaxDepth = 200 };

    public static TheoryData<string> Shapes() =>
    [
        "kitchen sinks",
        "one long string with escapes",
        "one long block string",
        "comments",
        "one long list",
        "one wide selection set",
        "many deep nestings",
        "a syntax error at the end",
    ];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Parse_work_grows_linearly_with_input_size(string shape)
    {
        var small = Build(shape, scale: 1);
        var large = Build(shape, scale: Growth);
        Assert.InRange(large.Length, small.Length * (Growth - 1), small.Length * (Growth + 1));

        var allocationRatio = (double)Allocated(large) / Allocated(small);
        Assert.True(allocationRatio < AllowedAllocationRatio, $"{shape}: {Growth}x input allocated {allocationRatio:F1}x as much.");

        // Warm up so that no measurement pays for JIT compilation. Then time a batch of eight small
        // parses against one large parse, alternately, so both see the same load on the machine; the
        // fastest of each is the least disturbed.
        Run(small);
        Run(large);
        var smallBatch = TimeSpan.MaxValue;
        var largeOne = TimeSpan.MaxValue;
        for (var attempt = 0; attempt < 15; attempt++)
        {
            smallBatch = Min(smallBatch, Time(small, repetitions: Growth));
            largeOne = Min(largeOne, Time(large, repetitions: 1));
        }

        var timeRatio = Growth * largeOne.TotalMilliseconds / Math.Max(smallBatch.TotalMilliseconds, 0.001);
        Assert.True(timeRatio < AllowedTimeRatio, $"{shape}: {Growth}x input took {timeRatio:F1}x as long ({smallBatch.TotalMilliseconds / Growth:F3} ms -> {largeOne.TotalMilliseconds:F3} ms).");
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static long Allocated(string source)
    {
        Run(source);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(source);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static TimeSpan Time(string source, int repetitions)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < repetitions; i++)
        {
            Run(source);
        }

        return stopwatch.Elapsed;
    }

    private static void Run(string source)
    {
        try
        {
            Parser.Parse(source, Unlimited);
        }
        catch (GraphQLSyntaxException)
        {
            // The error-at-the-end shape fails on purpose; finding and reporting the error is what is measured.
        }
    }

    private static string Build(string shape, int scale)
    {
        var text = new StringBuilder();
        switch (shape)
        {
            case "kitchen sinks":
                for (var i = 0; i < 2 * scale; i++)
                {
                    text.Append(KitchenSink.Executable).Append('\n').Append(KitchenSink.Schema).Append('\n');
                }

                break;
            case "one long string with escapes":
                text.Append("{ f(a: \"");
                for (var i = 0; i < 500 * scale; i++)
                {
                    text.Append("ab\\n\\u00e9\\u{1F600}\\\"");
                }

                text.Append("\") }");
                break;
            case "one long block string":
                text.Append("{ f(a: \"\"\"\n");
                for (var i = 0; i < 150 * scale; i++)
                {
                    text.Append("      line with \\\"\"\" and indentation\n");
                }

                text.Append("  \"\"\") }");
                break;
            case "comments":
                for (var i = 0; i < 200 * scale; i++)
                {
                    text.Append("# a comment line with some words in it\n");
                }

                text.Append("{ a }");
                break;
            case "one long list":
                text.Append("{ f(a: [");
                for (var i = 0; i < 1_000 * scale; i++)
                {
                    text.Append(i % 1000).Append(", ");
                }

                text.Append("]) }");
                break;
            case "one wide selection set":
                text.Append('{');
                for (var i = 0; i < 500 * scale; i++)
                {
                    text.Append(" field").Append(i % 1000).Append("(arg: $v)");
                }

                text.Append(" }");
                break;
            case "many deep nestings":
                for (var i = 0; i < 16 * scale; i++)
                {
                    text.Append(string.Concat(Enumerable.Repeat("{ a ", 100))).Append(new string('}', 100)).Append('\n');
                }

                break;
            case "a syntax error at the end":
                text.Append('{');
                for (var i = 0; i < 1_000 * scale; i++)
                {
                    text.Append("\n  field").Append(i % 1000);
                }

                text.Append("\n  (}");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }

        return text.ToString();
    }
}

/// <summary>Timing tests run alone, so that other tests do not share the machine with them.</summary>
[CollectionDefinition(nameof(ParseTimingGroup), DisableParallelization = true)]
public sealed class ParseTimingGroup;
