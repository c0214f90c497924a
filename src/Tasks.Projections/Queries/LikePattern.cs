using System.Text;

namespace Tasks.Projections.Queries;

/// <summary>
/// Translates the query language's wildcard patterns to SQL LIKE patterns (backslash, LIKE's default escape).
/// <c>*</c> becomes <c>%</c>, <c>?</c> becomes <c>_</c>; SQL's own <c>%</c>, <c>_</c> and <c>\</c> are escaped so they
/// match themselves; <c>\*</c>, <c>\?</c> and <c>\\</c> give literal characters, and any other backslash is literal.
/// </summary>
internal static class LikePattern
{
    public static string ToSqlLike(string pattern)
    {
        var sql = new StringBuilder(pattern.Length + 8);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '?' or '\\')
            {
                AppendLiteral(sql, pattern[++i]);
                continue;
            }

            switch (c)
            {
                case '*':
                    sql.Append('%');
                    break;
                case '?':
                    sql.Append('_');
                    break;
                default:
                    AppendLiteral(sql, c);
                    break;
            }
        }

        return sql.ToString();
    }

    private static void AppendLiteral(StringBuilder sql, char c)
    {
        if (c is '%' or '_' or '\\')
        {
            sql.Append('\\');
        }

        sql.Append(c);
    }
}
