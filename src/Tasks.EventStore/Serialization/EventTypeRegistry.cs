using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Tasks.EventStore.Serialization;

/// <summary>
/// Maps event classes to stable type names and schema versions, and back. Stored names never
/// change when a class is renamed; stored shapes from older schema versions are upcast on read.
/// Serialization uses source-generated <see cref="JsonTypeInfo"/>, so no reflection at run time.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<Type, EventTypeRegistration> byType = [];
    private readonly Dictionary<string, EventTypeRegistration> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, int FromVersion), Func<JsonNode, JsonNode>> upcasters = [];
    private FrozenDictionary<Type, EventTypeRegistration>? frozenByType;
    private FrozenDictionary<string, EventTypeRegistration>? frozenByName;

    /// <summary>Registers <typeparamref name="T"/> under <paramref name="name"/> at its current <paramref name="schemaVersion"/>.</summary>
    public EventTypeRegistry Register<T>(string name, JsonTypeInfo<T> typeInfo, int schemaVersion = 1)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        ThrowIfFrozen();
        if (schemaVersion is < 1 or > short.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(schemaVersion), schemaVersion, "schema versions run from 1");
        }

        var registration = new EventTypeRegistration(name, typeof(T), (short)schemaVersion, typeInfo);
        if (!byName.TryAdd(name, registration) || !byType.TryAdd(typeof(T), registration))
        {
            throw new InvalidOperationException($"event type {name} ({typeof(T).Name}) is registered twice");
        }

        return this;
    }

    /// <summary>Registers how a stored <paramref name="name"/> event of <paramref name="fromVersion"/> becomes the next version's shape.</summary>
    public EventTypeRegistry Upcast(string name, int fromVersion, Func<JsonNode, JsonNode> upcast)
    {
        ArgumentNullException.ThrowIfNull(upcast);
        ThrowIfFrozen();
        if (!upcasters.TryAdd((name, fromVersion), upcast))
        {
            throw new InvalidOperationException($"event type {name} has two upcasters from version {fromVersion}");
        }

        return this;
    }

    /// <summary>The registration of an event class.</summary>
    /// <exception cref="UnknownEventTypeException">The class was never registered.</exception>
    public EventTypeRegistration For(Type eventClass) =>
        ByType.TryGetValue(eventClass, out var registration) ? registration : throw new UnknownEventTypeException(eventClass.Name);

    /// <summary>Whether a stored type name is known.</summary>
    public bool IsKnown(string name) => ByName.ContainsKey(name);

    /// <summary>The event as JSON text, with its stable name and schema version.</summary>
    public (EventTypeRegistration Registration, string Json) Serialize(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var registration = For(@event.GetType());
        return (registration, JsonSerializer.Serialize(@event, registration.TypeInfo));
    }

    /// <summary>Reads a stored event, upcasting it from <paramref name="schemaVersion"/> to the current shape.</summary>
    /// <exception cref="UnknownEventTypeException">The name was never registered.</exception>
    public object Deserialize(string name, int schemaVersion, string json)
    {
        if (!ByName.TryGetValue(name, out var registration))
        {
            throw new UnknownEventTypeException(name);
        }

        if (schemaVersion == registration.SchemaVersion)
        {
            return JsonSerializer.Deserialize(json, registration.TypeInfo)
                ?? throw new JsonException($"event {name} is stored as JSON null");
        }

        if (schemaVersion > registration.SchemaVersion)
        {
            throw new JsonException($"event {name} is stored at schema version {schemaVersion}, newer than this code's {registration.SchemaVersion}");
        }

        var node = JsonNode.Parse(json) ?? throw new JsonException($"event {name} is stored as JSON null");
        for (var version = schemaVersion; version < registration.SchemaVersion; version++)
        {
            if (!upcasters.TryGetValue((name, version), out var upcast))
            {
                throw new JsonException($"event {name} has no upcaster from schema version {version}");
            }

            node = upcast(node);
        }

        return node.Deserialize(registration.TypeInfo) ?? throw new JsonException($"upcasting {name} produced JSON null");
    }

    private FrozenDictionary<Type, EventTypeRegistration> ByType => frozenByType ??= byType.ToFrozenDictionary();

    private FrozenDictionary<string, EventTypeRegistration> ByName => frozenByName ??= byName.ToFrozenDictionary(StringComparer.Ordinal);

    // Registrations happen at start-up; after first use the lookups are frozen for speed.
    private void ThrowIfFrozen()
    {
        if (frozenByName is not null || frozenByType is not null)
        {
            throw new InvalidOperationException("event types must be registered before the registry is used");
        }
    }
}

/// <summary>A registered event type: its stable name, class, current schema version and serializer.</summary>
/// <param name="Name">The stored name.</param>
/// <param name="EventClass">The class it maps to.</param>
/// <param name="SchemaVersion">The version of the class's shape.</param>
/// <param name="TypeInfo">The source-generated serializer metadata.</param>
public sealed record EventTypeRegistration(string Name, Type EventClass, short SchemaVersion, JsonTypeInfo TypeInfo);

/// <summary>An event class or stored name that no registration knows.</summary>
public sealed class UnknownEventTypeException(string name) : Exception($"unknown event type {name}")
{
    /// <summary>The class or stored name.</summary>
    public string Name { get; } = name;
}
