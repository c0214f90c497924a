using Npgsql;

namespace Tasks.Projections.Queries;

/// <summary>One SQL statement and its parameters, ready to run.</summary>
public sealed class CompiledQuery
{
    internal CompiledQuery(string sql, IReadOnlyList<NpgsqlParameter> parameters)
    {
        Sql = sql;
        Parameters = parameters;
    }

    /// <summary>The SQL text; it holds placeholders (<c>@p0</c>, ...) for every value.</summary>
    public string Sql { get; }

    /// <summary>The parameters, named as in <see cref="Sql"/> and explicitly typed.</summary>
    public IReadOnlyList<NpgsqlParameter> Parameters { get; }

    /// <summary>A batch command carrying copies of the parameters (a parameter can belong to one command only).</summary>
    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(Sql);
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }

    /// <summary>A command on the data source carrying copies of the parameters.</summary>
    public NpgsqlCommand ToCommand(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var command = dataSource.CreateCommand(Sql);
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }

    /// <inheritdoc/>
    public override string ToString() => Sql;
}
