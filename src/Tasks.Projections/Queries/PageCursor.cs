using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Tasks.Projections.Queries;

/// <summary>
/// Encodes and decodes the opaque page cursors: base64url of a JSON array holding a fingerprint of the model and
/// sort, then the row's value for each sort key (the key field last). Opaque to callers, not secret: a tampered
/// cursor can only move the page start, since its values go to SQL as typed parameters. The filter is not part of
/// the fingerprint: a cursor positions by values, so it stays meaningful when a user refines the filter.
/// </summary>
internal static class PageCursor
{
    // Generous for a few keys with long text values, small enough that decoding stays cheap.
    private const int MaxCursorLength = 4096;

    /// <summary>A short hash of the table and effective sort, so a cursor is only accepted by the sort that made it.</summary>
    public static string Fingerprint(ReadModelDescription model, IReadOnlyList<SortKey> keys)
    {
        var spec = model.Table + "|" + string.Join(",", keys.Select(k => k.Field.Name + (k.Descending ? ":desc" : ":asc")));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(spec));
        return Base64Url.EncodeToString(hash.AsSpan(0, 6));
    }

    /// <summary>The sort-key values of the current row, which start at <paramref name="firstOrdinal"/>.</summary>
    public static object?[] ReadValues(NpgsqlDataReader reader, int firstOrdinal, IReadOnlyList<SortKey> keys)
    {
        var values = new object?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var ordinal = firstOrdinal + i;
            values[i] = reader.IsDBNull(ordinal) ? null : keys[i].Field.Kind switch
            {
                FieldKind.Text or FieldKind.Enum => reader.GetString(ordinal),
                FieldKind.Integer => reader.GetInt32(ordinal),
                FieldKind.Long => reader.GetInt64(ordinal),
                FieldKind.Boolean => reader.GetBoolean(ordinal),
                FieldKind.Timestamp => reader.GetFieldValue<DateTimeOffset>(ordinal),
                FieldKind.Uuid => reader.GetGuid(ordinal),
                var kind => throw new InvalidOperationException($"{kind} fields cannot be sort keys"),
            };
        }

        return values;
    }

    /// <summary>The cursor for a row with the given sort-key values (already of each key's canonical CLR type).</summary>
    public static string Encode(string fingerprint, IReadOnlyList<SortKey> keys, IReadOnlyList<object?> values)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(fingerprint);
            for (var i = 0; i < keys.Count; i++)
            {
                WriteValue(json, values[i]);
            }

            json.WriteEndArray();
        }

        return Base64Url.EncodeToString(buffer.WrittenSpan);
    }

    /// <summary>Decodes a cursor into one typed value per sort key, or returns why it is refused.</summary>
    public static QueryError? TryDecode(string cursor, string argument, string fingerprint, IReadOnlyList<SortKey> keys, out object?[] values)
    {
        values = new object?[keys.Count];
        var invalid = new QueryError(QueryErrorCode.InvalidCursor, $"'{argument}' is not a valid cursor", argument);
        if (cursor.Length is 0 or > MaxCursorLength || !Base64Url.IsValid(cursor))
        {
            return invalid;
        }

        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(cursor), new JsonDocumentOptions { MaxDepth = 2 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0 || root[0].ValueKind != JsonValueKind.String)
            {
                return invalid;
            }

            if (root[0].GetString() != fingerprint)
            {
                return new QueryError(
                    QueryErrorCode.CursorMismatch,
                    $"the '{argument}' cursor was made for another list or sort order; restart paging without it",
                    argument);
            }

            if (root.GetArrayLength() != keys.Count + 1)
            {
                return invalid;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                if (!TryReadValue(root[i + 1], keys[i].Field, out values[i]))
                {
                    return invalid;
                }
            }

            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return invalid;
        }
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case int integer:
                json.WriteNumberValue(integer);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case DateTimeOffset timestamp:
                // Ticks are exact for PostgreSQL's microseconds, so the keyset comparison sees the stored value.
                json.WriteNumberValue(timestamp.UtcTicks);
                break;
            case Guid uuid:
                json.WriteStringValue(uuid.ToString("N"));
                break;
            default:
                throw new InvalidOperationException($"a {value.GetType().Name} cannot be a sort-key value");
        }
    }

    private static bool TryReadValue(JsonElement element, QueryField field, out object? value)
    {
        value = null;
        if (element.ValueKind == JsonValueKind.Null)
        {
            return field.IsNullable;
        }

        switch (field.Kind)
        {
            case FieldKind.Text or FieldKind.Enum when element.ValueKind == JsonValueKind.String && FieldValues.IsStorableText(element.GetString()!):
                value = element.GetString();
                return true;
            case FieldKind.Integer when element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var integer):
                value = integer;
                return true;
            case FieldKind.Long when element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number):
                value = number;
                return true;
            case FieldKind.Boolean when element.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = element.GetBoolean();
                return true;
            case FieldKind.Timestamp when element.ValueKind == JsonValueKind.Number
                && element.TryGetInt64(out var ticks)
                && ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks:
                value = new DateTimeOffset(ticks, TimeSpan.Zero);
                return true;
            case FieldKind.Uuid when element.ValueKind == JsonValueKind.String && Guid.TryParseExact(element.GetString(), "N", out var guid):
                value = guid;
                return true;
            default:
                return false;
        }
    }
}
