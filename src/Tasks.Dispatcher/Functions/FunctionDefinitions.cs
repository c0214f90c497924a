using System.Collections.Concurrent;
using System.Text.Json;
using Npgsql;
using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;

namespace Tasks.Dispatcher.Functions;

/// <summary>
/// The functions the dispatcher runs, whole (environment included: the invoker needs it), read from the functions
/// read model and cached briefly, since every claimed task needs its function.
/// </summary>
public sealed class FunctionDefinitions(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>How long a definition is trusted.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromSeconds(2);

    private const string Select = """
        SELECT name, description, code_sha256, code_size_bytes, entry_point, runtime, time_limit, memory_limit,
               environment::text, execution_permission, default_priority, retry_enabled, retry_errors, enabled
        FROM functions WHERE name = ANY($1)
        """;

    private readonly ConcurrentDictionary<string, (FunctionDefinition Definition, DateTimeOffset Expires)> cache = new(StringComparer.Ordinal);

    /// <summary>The definitions of <paramref name="names"/> that exist (a deleted function is absent).</summary>
    public async Task<IReadOnlyDictionary<string, FunctionDefinition>> FindManyAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var now = clock.GetUtcNow();
        var found = new Dictionary<string, FunctionDefinition>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (cache.TryGetValue(name, out var entry) && entry.Expires > now)
            {
                found[name] = entry.Definition;
            }
            else
            {
                missing.Add(name);
            }
        }

        if (missing.Count == 0)
        {
            return found;
        }

        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. missing] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var definition = Read(reader);
            cache[definition.Name] = (definition, now + TimeToLive);
            found[definition.Name] = definition;
        }

        return found;
    }

    private static FunctionDefinition Read(NpgsqlDataReader reader) => new()
    {
        Name = reader.GetString(0),
        Description = reader.IsDBNull(1) ? null : reader.GetString(1),
        Code = reader.IsDBNull(2) ? null : new CodeReference(reader.GetString(2), reader.GetInt64(3)),
        EntryPoint = reader.GetString(4),
        Runtime = reader.GetString(5),
        TimeLimit = reader.GetInt32(6),
        MemoryLimit = reader.GetInt32(7),
        Environment = new EquatableDictionary<string, string>(JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(8)) ?? []),
        ExecutionPermission = ExecutionPermissions.FromWireName(reader.GetString(9)),
        DefaultPriority = reader.IsDBNull(10) ? null : reader.GetInt32(10),
        RetryPolicy = new RetryPolicy(reader.GetBoolean(11), new EquatableList<string>(reader.GetFieldValue<string[]>(12))),
        Enabled = reader.GetBoolean(13),
    };
}
