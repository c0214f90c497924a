using System.Text;

namespace Tasks.GraphQL.Validation;

/// <summary>Finds the names closest to a misspelt one and words the "Did you mean" hint.</summary>
internal static class Suggestions
{
    private const int MaxSuggestions = 5;

    /// <summary>
    /// The options within an edit distance of about 40% of the input's length, closest first (ties by
    /// name), at most five. A difference only in letter case counts as one edit.
    /// </summary>
    public static List<string> Closest(string input, IEnumerable<string> options)
    {
        var threshold = (input.Length * 4 / 10) + 1;
        var inputLower = input.ToLowerInvariant();
        var scored = new List<(int Distance, string Option)>();
        foreach (var option in options)
        {
            var distance = Distance(input, inputLower, option, threshold);
            if (distance <= threshold)
            {
                scored.Add((distance, option));
            }
        }

        scored.Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : string.CompareOrdinal(a.Option, b.Option));
        var closest = new List<string>(Math.Min(scored.Count, MaxSuggestions));
        for (var i = 0; i < scored.Count && i < MaxSuggestions; i++)
        {
            closest.Add(scored[i].Option);
        }

        return closest;
    }

    /// <summary><c> Did you mean "a", "b", or "c"?</c>, or empty for no suggestions.</summary>
    /// <param name="suggestions">The names to offer, best first.</param>
    /// <param name="what">Words before the names, such as <c>the enum value</c>, or null.</param>
    public static string DidYouMean(IReadOnlyList<string> suggestions, string? what = null)
    {
        if (suggestions.Count == 0)
        {
            return string.Empty;
        }

        var message = new StringBuilder(" Did you mean ");
        if (what is not null)
        {
            message.Append(what).Append(' ');
        }

        var count = Math.Min(suggestions.Count, MaxSuggestions);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                message.Append(count == 2 ? " or " : i == count - 1 ? ", or " : ", ");
            }

            message.Append('"').Append(suggestions[i]).Append('"');
        }

        return message.Append('?').ToString();
    }

    // Optimal string alignment distance (insertions, deletions, substitutions and adjacent
    // transpositions), compared without case; an exact match is 0 and a case-only difference 1.
    private static int Distance(string input, string inputLower, string option, int threshold)
    {
        if (string.Equals(input, option, StringComparison.Ordinal))
        {
            return 0;
        }

        var optionLower = option.ToLowerInvariant();
        if (string.Equals(inputLower, optionLower, StringComparison.Ordinal))
        {
            return 1;
        }

        var a = inputLower;
        var b = optionLower;
        if (Math.Abs(a.Length - b.Length) > threshold)
        {
            return int.MaxValue;
        }

        // Three rolling rows suffice: the transposition looks back two rows.
        var previousPrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, previousPrevious[j - 2] + 1);
                }

                current[j] = best;
            }

            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }

        return previous[b.Length];
    }
}
