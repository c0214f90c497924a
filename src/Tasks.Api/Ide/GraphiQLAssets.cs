using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Tasks.Api.Ide;

/// <summary>One file of the IDE, embedded by <c>Ide.targets</c>, with what its HTTP response needs.</summary>
internal sealed record GraphiQLAsset(string Name, byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>The IDE's files, read once from the assembly's <c>Ide/</c> resources.</summary>
internal static class GraphiQLAssets
{
    private const string ResourcePrefix = "Ide/";
    private const string TemplateName = "index.html";

    private static readonly Assembly Source = typeof(GraphiQLAssets).Assembly;

    /// <summary>The files served by name: every <c>Ide/</c> resource but the page's template.</summary>
    public static FrozenDictionary<string, GraphiQLAsset> Files { get; } = Load();

    /// <summary>The page's HTML template (see <c>Ide/index.html</c>).</summary>
    public static string PageTemplate { get; } = Encoding.UTF8.GetString(Read(ResourcePrefix + TemplateName));

    /// <summary>
    /// Changes whenever any file does: the page adds it to the files' URLs (<c>?v=</c>), so browsers may cache them for good.
    /// </summary>
    public static string Version { get; } = Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', Files.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.ETag.Tag.Value))))
            .AsSpan(0, 8));

    private static FrozenDictionary<string, GraphiQLAsset> Load()
    {
        var files = new Dictionary<string, GraphiQLAsset>(StringComparer.Ordinal);
        foreach (var resource in Source.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || resource == ResourcePrefix + TemplateName)
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..];
            var content = Read(resource);
            var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");
            files[name] = new GraphiQLAsset(name, content, ContentType(name), etag);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static byte[] Read(string resource)
    {
        using var stream = Source.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource '{resource}' is not embedded in {Source.GetName().Name}: import Ide/Ide.targets in its project.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
