using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tasks.Messaging.Contracts;

/// <summary>
/// Reads a <see cref="DocumentTransitioned"/> body and checks it against the contract (docs/messages.md), naming the
/// first field at fault. Fields the contract does not name are ignored, so the documents service may add some.
/// </summary>
public static class DocumentTransitionedReader
{
    /// <summary>The message type the contract carries in <c>type</c>.</summary>
    public const string MessageType = "document.transitioned";

    /// <summary>The largest body read; a larger one is refused before parsing.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Reads <paramref name="body"/>, whose AMQP <c>message_id</c> is <paramref name="amqpMessageId"/> (null when unset):
    /// the message, or why it breaks the contract.
    /// </summary>
    public static (DocumentTransitioned? Message, ContractViolation? Violation) Read(ReadOnlyMemory<byte> body, string? amqpMessageId)
    {
        if (body.Length > MaxBodyBytes)
        {
            return Fail(ContractViolationCodes.NotTheContract, $"The body is {body.Length} bytes; at most {MaxBodyBytes} are read.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return Fail(ContractViolationCodes.NotJson, $"The body is not JSON: {e.Message}");
        }

        using (document)
        {
            try
            {
                return (ReadMessage(document.RootElement, amqpMessageId), null);
            }
            catch (ViolationException e)
            {
                return (null, e.Violation);
            }
        }
    }

    private static DocumentTransitioned ReadMessage(JsonElement root, string? amqpMessageId)
    {
        RequireKind(root, JsonValueKind.Object, "$", "an object");
        var type = RequiredString(root, "type", "$");
        if (type != MessageType)
        {
            throw Violation($"$.type is \"{type}\"; this queue takes \"{MessageType}\".");
        }

        var bodyId = OptionalString(root, "messageId", "$");
        var messageId = (string.IsNullOrEmpty(amqpMessageId) ? null : amqpMessageId, bodyId) switch
        {
            (null, null) => throw new ViolationException(new(ContractViolationCodes.MessageId, "The message has no id: set the AMQP message_id property (and $.messageId).")),
            ({ } amqp, { } inBody) when amqp != inBody => throw new ViolationException(new(ContractViolationCodes.MessageId, $"The AMQP message_id \"{amqp}\" and $.messageId \"{inBody}\" differ.")),
            ({ } amqp, _) => amqp,
            (null, { } inBody) => inBody,
        };

        var occurredAt = RequiredTimestamp(root, "occurredAt", "$");
        var schemaId = RequiredString(root, "schemaId", "$");
        var documentId = RequiredString(root, "documentId", "$");
        var transitionElement = Required(root, "transition", "$");
        RequireKind(transitionElement, JsonValueKind.Object, "$.transition", "an object");
        var transition = new DocumentTransition(
            RequiredString(transitionElement, "name", "$.transition"),
            RequiredString(transitionElement, "fromStatus", "$.transition"),
            RequiredString(transitionElement, "toStatus", "$.transition"));
        var userId = OptionalString(root, "userId", "$");
        var applicationId = OptionalString(root, "applicationId", "$");

        var actions = Required(root, "actions", "$");
        RequireKind(actions, JsonValueKind.Array, "$.actions", "an array");
        var tasks = new List<TaskAction>();
        var ignored = 0;
        var index = 0;
        foreach (var action in actions.EnumerateArray())
        {
            var path = $"$.actions[{index}]";
            RequireKind(action, JsonValueKind.Object, path, "an object");
            if (RequiredString(action, "type", path) == "task")
            {
                tasks.Add(ReadTaskAction(action, index, path, schemaId, documentId));
            }
            else
            {
                ignored++;
            }

            index++;
        }

        return new DocumentTransitioned(messageId, occurredAt, schemaId, documentId, transition, userId, applicationId, tasks, ignored);
    }

    private static TaskAction ReadTaskAction(JsonElement action, int index, string path, string schemaId, string documentId)
    {
        var functionName = RequiredString(action, "functionName", path);
        var hasData = action.TryGetProperty("data", out var dataElement) && dataElement.ValueKind != JsonValueKind.Null;
        if (hasData)
        {
            RequireKind(dataElement, JsonValueKind.Object, $"{path}.data", "an object");
        }

        // The contract: the task's data is the action's data plus where it came from (which wins over same-named keys).
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var data = new Utf8JsonWriter(buffer))
        {
            data.WriteStartObject();
            if (hasData)
            {
                foreach (var property in dataElement.EnumerateObject())
                {
                    if (property.Name is not ("schemaId" or "documentId"))
                    {
                        property.WriteTo(data);
                    }
                }
            }

            data.WriteString("schemaId", schemaId);
            data.WriteString("documentId", documentId);
            data.WriteEndObject();
        }

        int? priority = null;
        if (action.TryGetProperty("priority", out var priorityElement) && priorityElement.ValueKind != JsonValueKind.Null)
        {
            if (priorityElement.ValueKind != JsonValueKind.Number || !priorityElement.TryGetInt32(out var value))
            {
                throw Violation($"{path}.priority must be an integer.");
            }

            priority = value;
        }

        var tags = new List<string>();
        if (action.TryGetProperty("tags", out var tagsElement) && tagsElement.ValueKind != JsonValueKind.Null)
        {
            RequireKind(tagsElement, JsonValueKind.Array, $"{path}.tags", "an array of strings");
            var tagIndex = 0;
            foreach (var tag in tagsElement.EnumerateArray())
            {
                RequireKind(tag, JsonValueKind.String, $"{path}.tags[{tagIndex++}]", "a string");
                tags.Add(tag.GetString()!);
            }
        }

        DateTimeOffset? start = action.TryGetProperty("startTimestamp", out var startElement) && startElement.ValueKind != JsonValueKind.Null
            ? Timestamp(startElement, $"{path}.startTimestamp")
            : null;
        return new TaskAction(index, functionName, Encoding.UTF8.GetString(buffer.WrittenSpan), priority, tags, start);
    }

    private static JsonElement Required(JsonElement parent, string name, string path) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : throw Violation($"{path}.{name} is required.");

    private static string RequiredString(JsonElement parent, string name, string path)
    {
        var value = Required(parent, name, path);
        RequireKind(value, JsonValueKind.String, $"{path}.{name}", "a string");
        var text = value.GetString()!;
        return text.Trim().Length > 0 ? text : throw Violation($"{path}.{name} must not be empty.");
    }

    private static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        RequireKind(value, JsonValueKind.String, $"{path}.{name}", "a string");
        var text = value.GetString()!;
        return text.Length > 0 ? text : null;
    }

    private static DateTimeOffset RequiredTimestamp(JsonElement parent, string name, string path) =>
        Timestamp(Required(parent, name, path), $"{path}.{name}");

    // RFC 3339 as the contract says: a date, a time and an explicit offset ("Z" or ±hh:mm).
    private static DateTimeOffset Timestamp(JsonElement value, string path)
    {
        RequireKind(value, JsonValueKind.String, path, "an RFC 3339 date-time string");
        var text = value.GetString()!;
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset || !text.Contains('T', StringComparison.OrdinalIgnoreCase)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            throw Violation($"{path} must be an RFC 3339 date-time with an offset, such as 2026-11-22T09:30:00Z; it is \"{text}\".");
        }

        return at.ToUniversalTime();
    }

    private static void RequireKind(JsonElement value, JsonValueKind kind, string path, string what)
    {
        if (value.ValueKind != kind)
        {
            throw Violation($"{path} must be {what}; it is {Describe(value.ValueKind)}.");
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static ViolationException Violation(string reason) => new(new ContractViolation(ContractViolationCodes.NotTheContract, reason));

    private static (DocumentTransitioned?, ContractViolation?) Fail(string code, string reason) => (null, new ContractViolation(code, reason));

    private sealed class ViolationException(ContractViolation violation) : Exception(violation.Reason)
    {
        public ContractViolation Violation { get; } = violation;
    }
}
