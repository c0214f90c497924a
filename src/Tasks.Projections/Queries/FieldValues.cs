using System.Diagnostics.CodeAnalysis;
using NpgsqlTypes;

namespace Tasks.Projections.Queries;

/// <summary>Type-checks filter and cursor values against field kinds and maps kinds to PostgreSQL types.</summary>
internal static class FieldValues
{
    public static FieldKind ElementKind(FieldKind listKind) => listKind switch
    {
        FieldKind.TextList => FieldKind.Text,
        FieldKind.UuidList => FieldKind.Uuid,
        _ => throw new ArgumentOutOfRangeException(nameof(listKind), listKind, "not a list kind"),
    };

    public static NpgsqlDbType DbType(FieldKind scalarKind) => scalarKind switch
    {
        FieldKind.Text or FieldKind.Enum => NpgsqlDbType.Text,
        FieldKind.Integer => NpgsqlDbType.Integer,
        FieldKind.Long => NpgsqlDbType.Bigint,
        FieldKind.Boolean => NpgsqlDbType.Boolean,
        FieldKind.Timestamp => NpgsqlDbType.TimestampTz,
        FieldKind.Uuid => NpgsqlDbType.Uuid,
        _ => throw new ArgumentOutOfRangeException(nameof(scalarKind), scalarKind, "not a scalar kind"),
    };

    /// <summary>What a value of the kind must be, for error messages.</summary>
    public static string Expected(FieldKind scalarKind, IReadOnlyList<string> enumValues) => scalarKind switch
    {
        FieldKind.Text => "a string (without NUL characters)",
        FieldKind.Enum => "one of " + string.Join(", ", enumValues),
        FieldKind.Integer => "a 32-bit integer",
        FieldKind.Long => "a 64-bit integer",
        FieldKind.Boolean => "a boolean",
        FieldKind.Timestamp => "a timestamp (DateTimeOffset or UTC DateTime)",
        FieldKind.Uuid => "a UUID (Guid)",
        _ => throw new ArgumentOutOfRangeException(nameof(scalarKind), scalarKind, "not a scalar kind"),
    };

    /// <summary>Converts a non-null value to the canonical CLR type of a scalar kind, or fails.</summary>
    public static bool TryConvert(FieldKind scalarKind, IReadOnlyList<string> enumValues, object value, [NotNullWhen(true)] out object? converted)
    {
        converted = scalarKind switch
        {
            // PostgreSQL text cannot hold NUL, so such a value is refused here rather than failing at execution.
            FieldKind.Text => value is string text && IsStorableText(text) ? text : null,
            FieldKind.Enum => value is string text && enumValues.Contains(text, StringComparer.Ordinal) ? text : null,
            FieldKind.Integer => value switch
            {
                int i => i,
                long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
                short s => (int)s,
                byte b => (int)b,
                _ => null,
            },
            FieldKind.Long => value switch
            {
                long l => l,
                int i => (long)i,
                short s => (long)s,
                byte b => (long)b,
                _ => null,
            },
            FieldKind.Boolean => value as bool?,
            // timestamptz parameters must be UTC; a DateTime of unknown kind is ambiguous, so it is refused.
            FieldKind.Timestamp => value switch
            {
                DateTimeOffset d => d.ToUniversalTime(),
                DateTime { Kind: DateTimeKind.Utc } d => new DateTimeOffset(d),
                _ => null,
            },
            FieldKind.Uuid => value as Guid?,
            _ => throw new ArgumentOutOfRangeException(nameof(scalarKind), scalarKind, "not a scalar kind"),
        };
        return converted is not null;
    }

    /// <summary>Whether PostgreSQL can store the text (it has no NUL character).</summary>
    public static bool IsStorableText(string text) => !text.Contains('\0', StringComparison.Ordinal);

    /// <summary>A typed array of converted values, as Npgsql needs for an array parameter.</summary>
    public static Array ToTypedArray(FieldKind scalarKind, IReadOnlyList<object> values) => scalarKind switch
    {
        FieldKind.Text or FieldKind.Enum => values.Cast<string>().ToArray(),
        FieldKind.Integer => values.Cast<int>().ToArray(),
        FieldKind.Long => values.Cast<long>().ToArray(),
        FieldKind.Boolean => values.Cast<bool>().ToArray(),
        FieldKind.Timestamp => values.Cast<DateTimeOffset>().ToArray(),
        FieldKind.Uuid => values.Cast<Guid>().ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(scalarKind), scalarKind, "not a scalar kind"),
    };

    /// <summary>A short description of a rejected value that never echoes much of it back.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => s.Length <= 40 ? $"\"{s}\"" : $"\"{s[..40]}…\"",
        _ => "a " + value.GetType().Name,
    };
}
