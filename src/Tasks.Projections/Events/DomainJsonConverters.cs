using System.Text.Json;
using System.Text.Json.Serialization;
using Tasks.Domain.Primitives;
using Tasks.Domain.Tasks;

namespace Tasks.Projections.Events;

/// <summary>Stores task data as the JSON object it is, not as an escaped string.</summary>
public sealed class TaskDataJsonConverter : JsonConverter<TaskData>
{
    /// <inheritdoc />
    public override TaskData Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("task data is stored as a JSON object");
        }

        // Data in the log was validated when it was accepted: read its text once, without a second parse.
        using var document = JsonDocument.ParseValue(ref reader);
        return TaskData.FromValidated(document.RootElement.GetRawText());
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TaskData value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteRawValue(value.Json, skipInputValidation: true);
    }
}

/// <summary>Stores value-equal lists as plain JSON arrays.</summary>
public sealed class EquatableListJsonConverter<T> : JsonConverter<EquatableList<T>>
{
    /// <inheritdoc />
    public override EquatableList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T[]>)options.GetTypeInfo(typeof(T[]));
        return new EquatableList<T>(JsonSerializer.Deserialize(ref reader, typeInfo) ?? []);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EquatableList<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        var typeInfo = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T[]>)options.GetTypeInfo(typeof(T[]));
        JsonSerializer.Serialize(writer, value.ToArray(), typeInfo);
    }
}

/// <summary>Stores value-equal string maps as plain JSON objects.</summary>
public sealed class EquatableStringMapJsonConverter : JsonConverter<EquatableDictionary<string, string>>
{
    /// <inheritdoc />
    public override EquatableDictionary<string, string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var map = JsonSerializer.Deserialize(ref reader, DomainEventsJson.Default.DictionaryStringString) ?? [];
        return new EquatableDictionary<string, string>(map);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, EquatableDictionary<string, string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (key, item) in value)
        {
            writer.WriteString(key, item);
        }

        writer.WriteEndObject();
    }
}
