using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Validation;

/// <summary>Finds names given more than once in one list (arguments, input fields, variables).</summary>
internal static class RepeatedNames
{
    /// <summary>Each name that occurs more than once, with all its occurrences, in order of first occurrence; null when none repeats.</summary>
    public static List<(string Name, List<INode> Occurrences)>? Find<T>(IReadOnlyList<T> items, Func<T, NameNode> nameOf)
    {
        if (items.Count < 2)
        {
            return null;
        }

        var byName = new Dictionary<string, List<INode>>(items.Count, StringComparer.Ordinal);
        var order = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var name = nameOf(items[i]);
            if (!byName.TryGetValue(name.Value, out var occurrences))
            {
                occurrences = [];
                byName[name.Value] = occurrences;
                order.Add(name.Value);
            }

            occurrences.Add(name);
        }

        List<(string, List<INode>)>? repeated = null;
        foreach (var name in order)
        {
            var occurrences = byName[name];
            if (occurrences.Count > 1)
            {
                (repeated ??= []).Add((name, occurrences));
            }
        }

        return repeated;
    }
}
