using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.Execution.Preparation;

/// <summary>Builds <see cref="GraphQLError"/>s located at document nodes.</summary>
internal static class ErrorFactory
{
    public static GraphQLError At(string message, string code, INode? node, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new(message, Locate(node), Extensions: WithCode(code, extensions));

    public static GraphQLError At(string message, string code, IReadOnlyList<INode> nodes) =>
        new(message, Locate(nodes), Extensions: WithCode(code, null));

    public static IReadOnlyList<ErrorLocation>? Locate(INode? node) =>
        node?.Location is { } location ? [new ErrorLocation(location.Line, location.Column)] : null;

    public static IReadOnlyList<ErrorLocation>? Locate(IReadOnlyList<INode> nodes)
    {
        List<ErrorLocation>? locations = null;
        foreach (var node in nodes)
        {
            if (node.Location is { } location)
            {
                (locations ??= []).Add(new ErrorLocation(location.Line, location.Column));
            }
        }

        return locations;
    }

    public static Dictionary<string, object?> WithCode(string code, IReadOnlyDictionary<string, object?>? extensions)
    {
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                all[key] = value;
            }
        }

        return all;
    }
}
