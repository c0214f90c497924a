using Tasks.Domain.Primitives;

namespace Tasks.Domain.Functions;

/// <summary>
/// The stream id of a function, derived from its name so that a name can be looked up without an
/// index and two registrations of one name meet on one stream. Names compare case-insensitively.
/// </summary>
public static class FunctionStreamId
{
    /// <summary>The fixed namespace of function stream ids (never change it: stored streams depend on it).</summary>
    public static Guid Namespace { get; } = new("da922261-8c35-4889-a227-1d2580475c55");

    /// <summary>The stream id of the function named <paramref name="name"/>: a version-5 UUID of the lower-cased name.</summary>
    /// <param name="name">The function's name.</param>
    /// <returns>The stream id.</returns>
    public static Guid For(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return NameBasedGuid.Create(Namespace, name.ToLowerInvariant());
    }
}
