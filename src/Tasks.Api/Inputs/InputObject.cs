using System.Collections;
using System.Text.Json;
using Tasks.Domain.Primitives;

namespace Tasks.Api.Inputs;

/// <summary>
/// Typed reads from a coerced GraphQL input object. The engine has already checked types and non-null fields, so a
/// wrong type here is a bug, not bad input; what remains to tell apart is absent, explicit null, and a value.
/// </summary>
public readonly struct InputObject(IReadOnlyDictionary<string, object?> fields)
{
    /// <summary>The object under argument <paramref name="name"/> of a resolver's arguments.</summary>
    public static InputObject Of(IReadOnlyDictionary<string, object?> arguments, string name = "input")
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return new InputObject(arguments.GetValueOrDefault(name) as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>());
    }

    /// <summary>Whether the field was given (possibly as null).</summary>
    public bool Has(string name) => fields.ContainsKey(name);

    /// <summary>Whether the field was given as an explicit null.</summary>
    public bool IsNull(string name) => fields.TryGetValue(name, out var value) && value is null;

    /// <summary>A required string.</summary>
    public string RequiredString(string name) => (string)fields[name]!;

    /// <summary>An optional string (null when absent or null).</summary>
    public string? OptionalString(string name) => fields.GetValueOrDefault(name) as string;

    /// <summary>An optional integer.</summary>
    public int? OptionalInt(string name) => fields.GetValueOrDefault(name) is int value ? value : null;

    /// <summary>An optional boolean.</summary>
    public bool? Bool(string name) => fields.GetValueOrDefault(name) is bool value ? value : null;

    /// <summary>An optional UUID.</summary>
    public Guid? Uuid(string name) => fields.GetValueOrDefault(name) is Guid value ? value : null;

    /// <summary>An optional instant.</summary>
    public DateTimeOffset? DateTime(string name) => fields.GetValueOrDefault(name) is DateTimeOffset value ? value : null;

    /// <summary>An optional JSON value as text (null when absent or null).</summary>
    public string? JsonText(string name) => fields.GetValueOrDefault(name) is JsonElement element ? element.GetRawText() : null;

    /// <summary>An optional list of strings (null when absent or null).</summary>
    public IReadOnlyList<string>? Strings(string name) =>
        fields.GetValueOrDefault(name) is IEnumerable list and not string ? [.. list.Cast<string>()] : null;

    /// <summary>An optional nested input object.</summary>
    public InputObject? Nested(string name) =>
        fields.GetValueOrDefault(name) is IReadOnlyDictionary<string, object?> nested ? new InputObject(nested) : null;

    /// <summary>An optional list of nested input objects.</summary>
    public IReadOnlyList<InputObject>? Objects(string name) =>
        fields.GetValueOrDefault(name) is IEnumerable list and not string
            ? [.. list.Cast<IReadOnlyDictionary<string, object?>>().Select(o => new InputObject(o))]
            : null;

    /// <summary>A field for a patch: absent is no value, present (even null) is a value.</summary>
    public Optional<T> Patch<T>(string name, Func<InputObject, string, T> read) =>
        Has(name) ? new Optional<T>(read(this, name)) : default;
}
