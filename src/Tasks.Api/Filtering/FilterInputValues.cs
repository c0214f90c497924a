using System.Text;
using Tasks.Projections.Queries;

namespace Tasks.Api.Filtering;

/// <summary>Checks operand values against field kinds, as the engine hands them over, and quotes text for patterns.</summary>
internal static class FilterInputValues
{
    /// <summary>Whether a non-null value is what the engine gives for the kind's GraphQL type.</summary>
    public static bool IsValid(FieldKind kind, IReadOnlyList<string> enumValues, object value) => kind switch
    {
        // PostgreSQL text cannot hold NUL; refusing it here names the input field instead of failing later.
        FieldKind.Text => value is string text && !text.Contains('\0', StringComparison.Ordinal),
        FieldKind.Enum => value is string text && enumValues.Contains(text, StringComparer.Ordinal),
        FieldKind.Integer => value is int,
        FieldKind.Long => value is long or int,
        FieldKind.Boolean => value is bool,
        FieldKind.Timestamp => value is DateTimeOffset,
        FieldKind.Uuid => value is Guid,
        _ => false,
    };

    /// <summary>What a value of the kind must be, for messages.</summary>
    public static string Expected(FieldKind kind, IReadOnlyList<string> enumValues) => kind switch
    {
        FieldKind.Text => "a string without NUL characters",
        FieldKind.Enum => "one of " + string.Join(", ", enumValues),
        FieldKind.Integer => "an Int",
        FieldKind.Long => "a Long",
        FieldKind.Boolean => "a Boolean",
        FieldKind.Timestamp => "a DateTime",
        FieldKind.Uuid => "a UUID",
        _ => kind.ToString(),
    };

    /// <summary>A short description of a rejected value that never echoes much of it back.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"",
        _ => "a " + value.GetType().Name,
    };

    /// <summary>
    /// Quotes <paramref name="text"/> so that, in a like pattern, it matches only itself: the pattern language's
    /// <c>*</c>, <c>?</c> and <c>\</c> each get a backslash.
    /// </summary>
    public static string EscapeLiteral(string text)
    {
        var escaped = new StringBuilder(text.Length + 4);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
