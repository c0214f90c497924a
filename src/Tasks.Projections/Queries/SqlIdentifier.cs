using System.Text.RegularExpressions;

namespace Tasks.Projections.Queries;

/// <summary>
/// Guards the identifiers a model description puts into SQL. They are spliced into the text unquoted,
/// so only plain lower-case names (optionally schema-qualified for tables) are accepted.
/// </summary>
internal static partial class SqlIdentifier
{
    public static string Require(string identifier, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(identifier, parameterName);
        return PlainName().IsMatch(identifier)
            ? identifier
            : throw new ArgumentException($"'{identifier}' is not a plain lower-case SQL identifier", parameterName);
    }

    public static string RequireTable(string table, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(table, parameterName);
        return TableName().IsMatch(table)
            ? table
            : throw new ArgumentException($"'{table}' is not a plain lower-case (optionally schema-qualified) table name", parameterName);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();

    [GeneratedRegex("^([a-z_][a-z0-9_]{0,62}\\.)?[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableName();
}
