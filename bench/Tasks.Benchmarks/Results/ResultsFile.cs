using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tasks.Benchmarks.Results;

/// <summary>Writes a run's results as JSON.</summary>
internal static class ResultsFile
{
    // People read this file too: keep "+" and quotes in notes literal instead of \u escapes.
    private static readonly ResultsJsonContext Json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static async Task WriteAsync(string path, ResultsDocument document, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        // Write then rename, so a reader never sees half a file.
        var partial = path + ".partial";
        await using (var stream = File.Create(partial))
        {
            await JsonSerializer.SerializeAsync(stream, document, Json.ResultsDocument, cancellationToken);
        }

        File.Move(partial, path, overwrite: true);
    }
}

[JsonSerializable(typeof(ResultsDocument))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
