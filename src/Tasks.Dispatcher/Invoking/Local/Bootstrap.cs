using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Tasks.Dispatcher.Invoking.Local;

/// <summary>
/// A language's bootstrap script (an embedded resource), which runs in the child process: it reads the invocation
/// header and the event from stdin, loads the handler, calls it, and writes the outcome as one line on stdout prefixed
/// with the invocation's secret sentinel. Written to disk once per content, under <c>&lt;root&gt;/.bootstrap/</c>.
/// </summary>
internal sealed class Bootstrap
{
    public static readonly Bootstrap Node = new("Tasks.Dispatcher.Invoking.Local.bootstrap.mjs", "bootstrap.mjs");

    public static readonly Bootstrap Python = new("Tasks.Dispatcher.Invoking.Local.bootstrap.py", "bootstrap.py");

    private readonly ConcurrentDictionary<string, string> pathsByRoot = new(StringComparer.Ordinal);
    private readonly Lazy<byte[]> content;

    private Bootstrap(string resourceName, string fileName)
    {
        FileName = fileName;
        content = new Lazy<byte[]>(() => Load(resourceName));
    }

    /// <summary>The script's file name (its extension matters to the runtime).</summary>
    public string FileName { get; }

    /// <summary>The script's path under <paramref name="cacheRoot"/>, written there on first use.</summary>
    public string PathUnder(string cacheRoot) => pathsByRoot.GetOrAdd(cacheRoot, Materialize);

    private string Materialize(string cacheRoot)
    {
        var bytes = content.Value;
        var directory = Path.Combine(cacheRoot, ".bootstrap", Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);
        var path = Path.Combine(directory, FileName);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(directory);
        var staging = Path.Combine(directory, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(staging, bytes);
        File.Move(staging, path, overwrite: true);
        return path;
    }

    private static byte[] Load(string resourceName)
    {
        using var stream = typeof(Bootstrap).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded resource {resourceName} is missing from {typeof(Bootstrap).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
