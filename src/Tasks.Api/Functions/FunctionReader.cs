using Npgsql;
using Tasks.Api.Paging;
using Tasks.Domain.Functions;
using Tasks.Projections.Queries;

namespace Tasks.Api.Functions;

/// <summary>Reads functions from the <c>functions</c> read model.</summary>
public sealed class FunctionReader(NpgsqlDataSource dataSource, ReadModelQueryExecutor queries)
{
    // Names are unique regardless of case: functions are found by their stream id, which is derived from the lower-cased name.
    private static readonly string ByStreamIds = $"SELECT {FunctionRows.SelectList} FROM functions WHERE stream_id = ANY($1)";

    // Only the names leave the database; the values are secrets for the invoker.
    private const string EnvironmentNames =
        "SELECT name, ARRAY(SELECT jsonb_object_keys(environment) ORDER BY 1) FROM functions WHERE stream_id = ANY($1)";

    /// <summary>One function, or null.</summary>
    public async Task<FunctionView?> FindAsync(string name, CancellationToken cancellationToken) =>
        (await FindManyAsync([name], cancellationToken)).GetValueOrDefault(name);

    /// <summary>The functions of <paramref name="names"/> that exist, by name (in any case).</summary>
    public async Task<IReadOnlyDictionary<string, FunctionView>> FindManyAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var command = dataSource.CreateCommand(ByStreamIds);
        command.Parameters.Add(StreamIds(names));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, FunctionView>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken))
        {
            var function = FunctionRows.Read(reader);
            found[function.Name] = function;
        }

        return found;
    }

    /// <summary>The environment variable names of each function in <paramref name="names"/>, sorted.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> EnvironmentNamesAsync(IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        await using var command = dataSource.CreateCommand(EnvironmentNames);
        command.Parameters.Add(StreamIds(names));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var found = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = reader.GetFieldValue<string[]>(1);
        }

        return found;
    }

    private static NpgsqlParameter<Guid[]> StreamIds(IReadOnlyList<string> names) =>
        new() { TypedValue = [.. names.Select(FunctionStreamId.For)] };

    /// <summary>A page of functions.</summary>
    /// <exception cref="QueryValidationException">The filter, sort or page arguments are not valid.</exception>
    public async Task<Connection<FunctionView>> PageAsync(ReadModelQuery query, CancellationToken cancellationToken)
    {
        var page = await queries.ExecuteAsync(FunctionQueryModel.ReadModel, query, FunctionRows.Columns, FunctionRows.Read, cancellationToken);
        return new Connection<FunctionView>(page, ct => queries.CountAsync(FunctionQueryModel.ReadModel, query, ct));
    }
}
