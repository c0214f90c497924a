using Npgsql;

namespace Tasks.Dispatcher.Deployment;

/// <summary>The states of a row of <c>function_deployments</c>.</summary>
public static class FunctionDeploymentStates
{
    /// <summary>The function's code and configuration are deployed on Lambda as its last event asked.</summary>
    public const string Deployed = "deployed";

    /// <summary>The last deployment (or deletion) failed; <see cref="FunctionDeployment.Error"/> says why.</summary>
    public const string Failed = "failed";

    /// <summary>The function was deleted, and with it the Lambda function the service had deployed.</summary>
    public const string Deleted = "deleted";
}

/// <summary>One function's deployment state (a row of <c>function_deployments</c>).</summary>
/// <param name="StreamId">The function's stream.</param>
/// <param name="FunctionName">The Lambda function's name.</param>
/// <param name="CodeSha256">The hex SHA-256 of the code last deployed or attempted.</param>
/// <param name="ConfigurationSha256">The fingerprint of the configuration last deployed or attempted (<see cref="Invoking.Lambda.LambdaDeployer.ConfigurationSha256"/>).</param>
/// <param name="State">One of <see cref="FunctionDeploymentStates"/>.</param>
/// <param name="Error">Why the last attempt failed, when it did.</param>
/// <param name="AttemptedAt">When the last attempt ended.</param>
/// <param name="DeployedAt">When a deployment last succeeded.</param>
public sealed record FunctionDeployment(
    Guid StreamId,
    string FunctionName,
    string? CodeSha256,
    string? ConfigurationSha256,
    string State,
    string? Error,
    DateTimeOffset AttemptedAt,
    DateTimeOffset? DeployedAt);

/// <summary>Reads and writes <c>function_deployments</c>.</summary>
public static class FunctionDeployments
{
    private const string Columns =
        "stream_id, function_name, code_sha256, configuration_sha256, state, error, attempted_at, deployed_at";

    private const string SelectAll = $"SELECT {Columns} FROM function_deployments ORDER BY function_name";

    private const string SelectByStreams = $"SELECT {Columns} FROM function_deployments WHERE stream_id = ANY($1)";

    // One statement for a whole batch; the follower commits it together with its checkpoint.
    private const string Upsert = """
        INSERT INTO function_deployments (stream_id, function_name, code_sha256, configuration_sha256, state, error, attempted_at, deployed_at)
        SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[])
        ON CONFLICT (stream_id) DO UPDATE SET
            function_name = excluded.function_name, code_sha256 = excluded.code_sha256,
            configuration_sha256 = excluded.configuration_sha256, state = excluded.state, error = excluded.error,
            attempted_at = excluded.attempted_at, deployed_at = excluded.deployed_at
        """;

    /// <summary>Every function's deployment state, by name.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="cancellationToken">Abandons the read.</param>
    /// <returns>The rows.</returns>
    public static async Task<IReadOnlyList<FunctionDeployment>> ReadAllAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(SelectAll);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>The deployment states of <paramref name="streamIds"/> that have one.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="streamIds">Function streams.</param>
    /// <param name="cancellationToken">Abandons the read.</param>
    /// <returns>The rows, by stream.</returns>
    public static async Task<Dictionary<Guid, FunctionDeployment>> ReadAsync(NpgsqlDataSource dataSource, IReadOnlyCollection<Guid> streamIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(streamIds);
        await using var command = dataSource.CreateCommand(SelectByStreams);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. streamIds] });
        return (await ReadAsync(command, cancellationToken)).ToDictionary(d => d.StreamId);
    }

    /// <summary>The statement that stores <paramref name="rows"/> (inserting or replacing each).</summary>
    /// <param name="rows">The new states.</param>
    /// <returns>The statement, for a unit of work.</returns>
    public static NpgsqlBatchCommand UpsertStatement(IReadOnlyCollection<FunctionDeployment> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var command = new NpgsqlBatchCommand(Upsert);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. rows.Select(r => r.StreamId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.FunctionName)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. rows.Select(r => r.CodeSha256)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. rows.Select(r => r.ConfigurationSha256)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rows.Select(r => r.State)] });
        command.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = [.. rows.Select(r => r.Error)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. rows.Select(r => r.AttemptedAt)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset?[]> { TypedValue = [.. rows.Select(r => r.DeployedAt)] });
        return command;
    }

    private static async Task<List<FunctionDeployment>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<FunctionDeployment>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FunctionDeployment(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetFieldValue<DateTimeOffset>(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return rows;
    }
}
