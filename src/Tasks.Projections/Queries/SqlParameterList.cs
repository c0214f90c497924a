using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Tasks.Projections.Queries;

/// <summary>Collects the parameters of one SQL statement and hands out their placeholders.</summary>
internal sealed class SqlParameterList
{
    private readonly List<NpgsqlParameter> parameters = [];

    public IReadOnlyList<NpgsqlParameter> Items => parameters;

    /// <summary>Adds a typed parameter and returns its placeholder, e.g. <c>@p3</c>.</summary>
    public string Add(object value, NpgsqlDbType type)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"p{parameters.Count}");
        // An explicit type keeps PostgreSQL from guessing (e.g. text vs. unknown) and pins array element types.
        parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        return "@" + name;
    }
}
