using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Tasks.EventStore.Migrations;

/// <summary>Reads a module's migrations from SQL files embedded in an assembly (<c>Migrations/Sql/NNN_name.sql</c>).</summary>
public static partial class MigrationSource
{
    /// <summary>The event store's own schema.</summary>
    public static IReadOnlyList<Migration> EventStore => FromAssembly("eventstore", typeof(MigrationSource).Assembly);

    /// <summary>Every embedded <c>NNN_name.sql</c> resource of <paramref name="assembly"/>, in version order.</summary>
    public static IReadOnlyList<Migration> FromAssembly(string module, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ResourceName().Match(resource);
            if (!match.Success)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(module, int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture), match.Groups["name"].Value, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"module {module} has two migrations numbered {duplicate.Key}");
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"Migrations\.Sql\.(?<version>\d+)_(?<name>[A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ResourceName();
}
