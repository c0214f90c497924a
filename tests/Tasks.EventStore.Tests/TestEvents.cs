using System.Text.Json.Serialization;
using Tasks.EventStore.Serialization;

namespace Tasks.EventStore.Tests;

public sealed record Opened(string Owner);

public sealed record Deposited(int Amount);

/// <summary>Version 2 of a renamed event: the field was "name" in version 1.</summary>
public sealed record Renamed(string Title);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Opened))]
[JsonSerializable(typeof(Deposited))]
[JsonSerializable(typeof(Renamed))]
public sealed partial class TestEventsJson : JsonSerializerContext;

public static class TestEventTypes
{
    public static EventTypeRegistry Create() => new EventTypeRegistry()
        .Register("opened", TestEventsJson.Default.Opened)
        .Register("deposited", TestEventsJson.Default.Deposited)
        .Register("renamed", TestEventsJson.Default.Renamed, schemaVersion: 2)
        .Upcast("renamed", 1, node =>
        {
            var obj = node.AsObject();
            var name = obj["name"]?.DeepClone();
            obj.Remove("name");
            obj["title"] = name;
            return obj;
        });
}
