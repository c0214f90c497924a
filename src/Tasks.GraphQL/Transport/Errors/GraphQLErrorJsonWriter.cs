using System.Collections;
using System.Globalization;
using System.Text.Json;
using Tasks.GraphQL.Execution;

namespace Tasks.GraphQL.Transport.Errors;

/// <summary>
/// Writes <see cref="GraphQLError"/>s in the GraphQL response format. The executor contract only writes whole
/// request-error responses, so the WebSocket <c>error</c> message (a bare array) and transport-level errors need this.
/// </summary>
internal static class GraphQLErrorJsonWriter
{
    /// <summary>Writes <c>{"errors":[...]}</c>.</summary>
    public static void WriteResponse(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("errors"u8);
        WriteErrors(writer, errors);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>[{"message":...}, ...]</c>.</summary>
    public static void WriteErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartArray();
        foreach (var error in errors)
        {
            WriteError(writer, error);
        }

        writer.WriteEndArray();
    }

    private static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message"u8, error.Message);
        if (error.Locations is { Count: > 0 } locations)
        {
            writer.WriteStartArray("locations"u8);
            foreach (var location in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line"u8, location.Line);
                writer.WriteNumber("column"u8, location.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WritePropertyName("path"u8);
            WriteValue(writer, path);
        }

        if (error.Extensions is { Count: > 0 } extensions)
        {
            writer.WritePropertyName("extensions"u8);
            WriteValue(writer, extensions);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int or long or short or sbyte or byte or ushort or uint:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double or float:
                var real = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                // JSON has no NaN or infinity; a string keeps the error writable.
                if (double.IsFinite(real))
                {
                    writer.WriteNumberValue(real);
                }
                else
                {
                    writer.WriteStringValue(real.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case Enum member:
                writer.WriteStringValue(member.ToString());
                break;
            case IEnumerable<KeyValuePair<string, object?>> entries:
                writer.WriteStartObject();
                foreach (var (name, entry) in entries)
                {
                    writer.WritePropertyName(name);
                    WriteValue(writer, entry);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
