using System.Globalization;
using System.Text.Json;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>The scalars every schema has (spec §3.5), and the extra ones this engine ships.</summary>
public static class BuiltInScalars
{
    /// <summary>A signed 32-bit integer.</summary>
    public static ScalarType Int { get; } = new IntScalar();

    /// <summary>A double-precision, finite number.</summary>
    public static ScalarType Float { get; } = new FloatScalar();

    /// <summary>UTF-8 text.</summary>
    public static ScalarType String { get; } = new StringScalar();

    /// <summary>true or false.</summary>
    public static ScalarType Boolean { get; } = new BooleanScalar();

    /// <summary>A unique identifier, serialized as a string.</summary>
    public static ScalarType ID { get; } = new IdScalar();

    /// <summary>An instant as an RFC 3339 / ISO-8601 string with offset.</summary>
    public static ScalarType DateTime { get; } = new DateTimeScalar();

    /// <summary>A signed 64-bit integer.</summary>
    public static ScalarType Long { get; } = new LongScalar();

    /// <summary>Any JSON value.</summary>
    public static ScalarType Json { get; } = new JsonScalar();

    /// <summary>The scalars of the specification, present in every schema.</summary>
    public static IReadOnlyList<ScalarType> Specified { get; } = [Int, Float, String, Boolean, ID];

    /// <summary>Every scalar this engine implements, by name (a schema declares the extra ones with <c>scalar Name</c>).</summary>
    public static IReadOnlyDictionary<string, ScalarType> ByName { get; } =
        new[] { Int, Float, String, Boolean, ID, DateTime, Long, Json }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    internal static string Describe(IValueNode literal) => literal switch
    {
        StringValueNode s => JsonSerializer.Serialize(s.Value),
        _ => Printer.Print(literal),
    };

    internal static string Describe(JsonElement value) => value.GetRawText();

    private sealed class IntScalar() : ScalarType("Int")
    {
        public override ScalarCoercion CoerceLiteral(IValueNode literal) => literal is IntValueNode i
            ? int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? ScalarCoercion.Ok(v) : ScalarCoercion.Fail($"Int cannot represent non 32-bit signed integer value: {i.Value}")
            : ScalarCoercion.Fail($"Int cannot represent non-integer value: {Describe(literal)}");

        public override ScalarCoercion CoerceInput(JsonElement value) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && d == Math.Floor(d)
                ? d is >= int.MinValue and <= int.MaxValue ? ScalarCoercion.Ok((int)d) : ScalarCoercion.Fail($"Int cannot represent non 32-bit signed integer value: {value.GetRawText()}")
                : ScalarCoercion.Fail($"Int cannot represent non-integer value: {Describe(value)}");

        public override void Serialize(Utf8JsonWriter writer, object value)
        {
            long number = value switch
            {
                int v => v,
                short v => v,
                byte v => v,
                sbyte v => v,
                ushort v => v,
                long v => v,
                uint v => v,
                double v when v == Math.Floor(v) && v is >= long.MinValue and <= long.MaxValue => (long)v,
                decimal v when v == decimal.Floor(v) && v is >= long.MinValue and <= long.MaxValue => (long)v,
                _ => throw new ScalarSerializationException($"Int cannot represent non-integer value: {value}"),
            };
            if (number is < int.MinValue or > int.MaxValue)
            {
                throw new ScalarSerializationException($"Int cannot represent non 32-bit signed integer value: {number}");
            }

            writer.WriteNumberValue(number);
        }
    }

    private sealed class FloatScalar() : ScalarType("Float")
    {
        public override ScalarCoercion CoerceLiteral(IValueNode literal) => literal switch
        {
            IntValueNode i => double.TryParse(i.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? ScalarCoercion.Ok(v) : ScalarCoercion.Fail($"Float cannot represent: {i.Value}"),
            FloatValueNode f => double.TryParse(f.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? ScalarCoercion.Ok(v) : ScalarCoercion.Fail($"Float cannot represent non numeric value: {f.Value}"),
            _ => ScalarCoercion.Fail($"Float cannot represent non numeric value: {Describe(literal)}"),
        };

        public override ScalarCoercion CoerceInput(JsonElement value) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d)
                ? ScalarCoercion.Ok(d)
                : ScalarCoercion.Fail($"Float cannot represent non numeric value: {Describe(value)}");

        public override void Serialize(Utf8JsonWriter writer, object value)
        {
            var number = value switch
            {
                double v => v,
                float v => v,
                decimal v => (double)v,
                int v => v,
                long v => v,
                short v => v,
                byte v => v,
                _ => throw new ScalarSerializationException($"Float cannot represent non numeric value: {value}"),
            };
            if (!double.IsFinite(number))
            {
                throw new ScalarSerializationException($"Float cannot represent non numeric value: {number}");
            }

            writer.WriteNumberValue(number);
        }
    }

    private sealed class StringScalar() : ScalarType("String")
    {
        public override ScalarCoercion CoerceLiteral(IValueNode literal) =>
            literal is StringValueNode s ? ScalarCoercion.Ok(s.Value) : ScalarCoercion.Fail($"String cannot represent a non string value: {Describe(literal)}");

        public override ScalarCoercion CoerceInput(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? ScalarCoercion.Ok(value.GetString()) : ScalarCoercion.Fail($"String cannot represent a non string value: {Describe(value)}");

        public override void Serialize(Utf8JsonWriter writer, object value)
        {
            switch (value)
            {
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case char c:
                    writer.WriteStringValue(c.ToString());
                    break;
                case bool b:
                    writer.WriteStringValue(b ? "true" : "false");
                    break;
                case Guid g:
                    writer.WriteStringValue(g);
                    break;
                case IFormattable f when value is int or long or double or decimal or float or short:
                    writer.WriteStringValue(f.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ScalarSerializationException($"String cannot represent value: {value}");
            }
        }
    }

    private sealed class BooleanScalar() : ScalarType("Boolean")
    {
        public override ScalarCoercion CoerceLiteral(IValueNode literal) =>
            literal is BooleanValueNode b ? ScalarCoercion.Ok(b.Value) : ScalarCoercion.Fail($"Boolean cannot represent a non boolean value: {Describe(literal)}");

        public override ScalarCoercion CoerceInput(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.True => ScalarCoercion.Ok(true),
            JsonValueKind.False => ScalarCoercion.Ok(false),
            _ => ScalarCoercion.Fail($"Boolean cannot represent a non boolean value: {Describe(value)}"),
        };

        public override void Serialize(Utf8JsonWriter writer, object value) =>
            writer.WriteBooleanValue(value is bool b ? b : throw new ScalarSerializationException($"Boolean cannot represent a non boolean value: {value}"));
    }

    private sealed class IdScalar() : ScalarType("ID")
    {
        public override ScalarCoercion CoerceLiteral(IValueNode literal) => literal switch
        {
            StringValueNode s => ScalarCoercion.Ok(s.Value),
            IntValueNode i => ScalarCoercion.Ok(i.Value),
            _ => ScalarCoercion.Fail($"ID cannot represent a non-string and non-integer value: {Describe(literal)}"),
        };

        public override ScalarCoercion CoerceInput(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => ScalarCoercion.Ok(value.GetString()),
            JsonValueKind.Number when value.TryGetInt64(out var n) => ScalarCoercion.Ok(n.ToString(CultureInfo.InvariantCulture)),
            _ => ScalarCoercion.Fail($"ID cannot represent value: {Describe(value)}"),
        };

        public override void Serialize(Utf8JsonWriter writer, object value)
        {
            switch (value)
            {
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case Guid g:
                    writer.WriteStringValue(g);
                    break;
                case int or long or short or uint or ulong:
                    writer.WriteStringValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ScalarSerializationException($"ID cannot represent value: {value}");
            }
        }
    }

    private sealed class DateTimeScalar : ScalarType
    {
        public DateTimeScalar()
            : base("DateTime")
        {
            Description = "An instant, as an RFC 3339 date-time string with an offset (for example 2026-01-31T12:00:00.000000Z).";
            SpecifiedByUrl = "https://scalars.graphql.org/andimarek/date-time";
        }

        public override ScalarCoercion CoerceLiteral(IValueNode literal) =>
            literal is StringValueNode s ? Parse(s.Value) : ScalarCoercion.Fail($"DateTime cannot represent a non string value: {Describe(literal)}");

        public override ScalarCoercion CoerceInput(JsonElement value) =>
            value.ValueKind == JsonValueKind.String ? Parse(value.GetString()!) : ScalarCoercion.Fail($"DateTime cannot represent a non string value: {Describe(value)}");

        public override void Serialize(Utf8JsonWriter writer, object value)
        {
            var instant = value switch
            {
                DateTimeOffset d => d,
                DateTime d when d.Kind != DateTimeKind.Unspecified => new DateTimeOffset(d.ToUniversalTime()),
                _ => throw new ScalarSerializationException($"DateTime cannot represent value: {value}"),
            };
            // Microseconds, the precision PostgreSQL keeps: a timestamp read back must compare equal to the stored one.
            writer.WriteStringValue(instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        }

        private static ScalarCoercion Parse(string text)
        {
            // An offset is required: a time without one names no instant. Resolvers get the instant in UTC, the form
            // databases store (Npgsql refuses other offsets for timestamptz).
            var hasOffset = text.Length > 10 && (text.EndsWith('Z') || text.EndsWith('z') || text[^6] is '+' or '-');
            return hasOffset && text.Length >= 20 && text[10] is 'T' or 't'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
                ? ScalarCoercion.Ok(parsed.ToUniversalTime())
                : ScalarCoercion.Fail($"DateTime cannot represent \"{text}\": expected an RFC 3339 date-time with an offset, such as 2026-01-31T12:00:00Z.");
        }
    }

    private sealed class LongScalar : ScalarType
    {
        public LongScalar()
            : base("Long") => Description = "A signed 64-bit integer.";

        public override ScalarCoercion CoerceLiteral(IValueNode literal) => literal is IntValueNode i
            ? long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? ScalarCoercion.Ok(v) : ScalarCoercion.Fail($"Long cannot represent non 64-bit signed integer value: {i.Value}")
            : ScalarCoercion.Fail($"Long cannot represent non-integer value: {Describe(literal)}");

        public override ScalarCoercion CoerceInput(JsonElement value) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var v) ? ScalarCoercion.Ok(v) : ScalarCoercion.Fail($"Long cannot represent non 64-bit signed integer value: {Describe(value)}");

        public override void Serialize(Utf8JsonWriter writer, object value) => writer.WriteNumberValue(value switch
        {
            long v => v,
            int v => v,
            short v => v,
            uint v => v,
            _ => throw new ScalarSerializationException($"Long cannot represent value: {value}"),
        });
    }

    private sealed class JsonScalar : ScalarType
    {
        public JsonScalar()
            : base("JSON") => Description = "Any JSON value.";

        public override ScalarCoercion CoerceLiteral(IValueNode literal)
        {
            if (literal is VariableNode)
            {
                return ScalarCoercion.Fail("JSON literals cannot contain variables.");
            }

            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                if (!WriteLiteral(writer, literal))
                {
                    return ScalarCoercion.Fail("JSON literals cannot contain variables.");
                }
            }

            using var document = JsonDocument.Parse(buffer.WrittenMemory);
            return ScalarCoercion.Ok(document.RootElement.Clone());
        }

        public override ScalarCoercion CoerceInput(JsonElement value) => ScalarCoercion.Ok(value.Clone());

        public override void Serialize(Utf8JsonWriter writer, object value)
        {
            switch (value)
            {
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                case RawJson raw:
                    writer.WriteRawValue(raw.Json, skipInputValidation: true);
                    break;
                case System.Text.Json.Nodes.JsonNode node:
                    node.WriteTo(writer);
                    break;
                case string s:
                    writer.WriteStringValue(s);
                    break;
                case bool b:
                    writer.WriteBooleanValue(b);
                    break;
                case int or long or double or decimal:
                    writer.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ScalarSerializationException($"JSON cannot represent value of type {value.GetType().Name}");
            }
        }

        private static bool WriteLiteral(Utf8JsonWriter writer, IValueNode literal)
        {
            switch (literal)
            {
                case NullValueNode:
                    writer.WriteNullValue();
                    return true;
                case BooleanValueNode b:
                    writer.WriteBooleanValue(b.Value);
                    return true;
                case IntValueNode i:
                    writer.WriteRawValue(i.Value);
                    return true;
                case FloatValueNode f:
                    writer.WriteRawValue(f.Value);
                    return true;
                case StringValueNode s:
                    writer.WriteStringValue(s.Value);
                    return true;
                case EnumValueNode e:
                    writer.WriteStringValue(e.Value);
                    return true;
                case ListValueNode list:
                    writer.WriteStartArray();
                    foreach (var item in list.Values)
                    {
                        if (!WriteLiteral(writer, item))
                        {
                            return false;
                        }
                    }

                    writer.WriteEndArray();
                    return true;
                case ObjectValueNode obj:
                    writer.WriteStartObject();
                    foreach (var field in obj.Fields)
                    {
                        writer.WritePropertyName(field.Name.Value);
                        if (!WriteLiteral(writer, field.Value))
                        {
                            return false;
                        }
                    }

                    writer.WriteEndObject();
                    return true;
                default:
                    return false;
            }
        }
    }
}

/// <summary>JSON text a resolver hands to a <c>JSON</c> field, written to the response as it is (no re-parsing).</summary>
/// <param name="Json">Valid JSON text.</param>
public sealed record RawJson(string Json);
