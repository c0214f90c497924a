using System.Text.Json;
using Tasks.GraphQL.Execution.Planning;

namespace Tasks.GraphQL.Execution.Results;

/// <summary>Writes a completed result to the response: <c>{"data":...,"errors":[...]}</c>, data first as graphql-js does.</summary>
internal static class ResponseWriter
{
    /// <summary>Writes the whole response; <paramref name="data"/> null writes <c>"data":null</c> (a non-null root field failed).</summary>
    public static void Write(Utf8JsonWriter writer, ResultSlot[]? data, int offset, SelectionPlan selection, IReadOnlyList<GraphQLError> errors, LeafArena? arena)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("data"u8);
        if (data is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            WriteObject(writer, data, offset, selection, arena);
        }

        if (errors.Count > 0)
        {
            writer.WritePropertyName("errors"u8);
            ErrorJsonWriter.WriteErrors(writer, errors);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"errors":[...]}</c>: a request that did not execute has no <c>data</c> entry (spec §7.1.2).</summary>
    public static void WriteRequestErrors(Utf8JsonWriter writer, IReadOnlyList<GraphQLError> errors)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("errors"u8);
        ErrorJsonWriter.WriteErrors(writer, errors);
        writer.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter writer, ResultSlot[] chunk, int offset, SelectionPlan selection, LeafArena? arena)
    {
        writer.WriteStartObject();
        var fields = selection.Fields;
        for (var i = 0; i < fields.Length; i++)
        {
            writer.WritePropertyName(fields[i].EncodedKey);
            WriteValue(writer, ref chunk[offset + i], arena);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, ref ResultSlot slot, LeafArena? arena)
    {
        switch (slot.Kind)
        {
            case ResultKind.String:
                writer.WriteStringValue((string)slot.Reference!);
                break;
            case ResultKind.Integer:
                writer.WriteNumberValue(slot.Number);
                break;
            case ResultKind.Float:
                writer.WriteNumberValue(BitConverter.Int64BitsToDouble(slot.Number));
                break;
            case ResultKind.Boolean:
                writer.WriteBooleanValue(slot.Number != 0);
                break;
            case ResultKind.Raw:
                var (start, length) = ResultSlot.Unpack(slot.Number);
                writer.WriteRawValue(arena!.Read(start, length), skipInputValidation: true);
                break;
            case ResultKind.Object:
                WriteObject(writer, (ResultSlot[])slot.Reference!, (int)slot.Number, slot.Selection!, arena);
                break;
            case ResultKind.List:
                var items = (ResultSlot[])slot.Reference!;
                var (offset, count) = ResultSlot.Unpack(slot.Number);
                writer.WriteStartArray();
                for (var i = 0; i < count; i++)
                {
                    WriteValue(writer, ref items[offset + i], arena);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
