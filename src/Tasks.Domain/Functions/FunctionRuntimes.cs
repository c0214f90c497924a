using System.Collections.Frozen;

namespace Tasks.Domain.Functions;

/// <summary>The AWS Lambda runtime ids a function may use (the currently supported managed runtimes).</summary>
public static class FunctionRuntimes
{
    /// <summary>Every accepted runtime id (exact, case-sensitive).</summary>
    public static FrozenSet<string> All { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        "nodejs18.x",
        "nodejs20.x",
        "nodejs22.x",
        "python3.9",
        "python3.10",
        "python3.11",
        "python3.12",
        "python3.13",
        "java11",
        "java17",
        "java21",
        "dotnet8",
        "ruby3.2",
        "ruby3.3",
        "provided.al2",
        "provided.al2023");

    /// <summary>Whether <paramref name="runtime"/> is an accepted runtime id.</summary>
    /// <param name="runtime">The runtime id.</param>
    /// <returns><c>true</c> when accepted.</returns>
    public static bool IsSupported(string? runtime) => runtime is not null && All.Contains(runtime);
}
