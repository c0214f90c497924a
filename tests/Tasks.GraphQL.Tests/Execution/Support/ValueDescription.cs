using System.Collections;
using System.Globalization;

namespace Tasks.GraphQL.Tests.Execution.Support;

/// <summary>Describes a coerced input value with its CLR types, so tests can see exactly what resolvers receive.</summary>
internal static class ValueDescription
{
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        bool flag => flag ? "true" : "false",
        int number => number.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString("0.0##", CultureInfo.InvariantCulture) + "d",
        IReadOnlyDictionary<string, object?> entries => "{" + string.Join(", ", entries.Select(e => $"{e.Key}: {Describe(e.Value)}")) + "}",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Describe)) + "]",
        _ => $"{value} ({value.GetType().Name})",
    };
}
