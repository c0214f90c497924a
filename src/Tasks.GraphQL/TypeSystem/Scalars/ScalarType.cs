using System.Text.Json;
using Tasks.GraphQL.Language;

namespace Tasks.GraphQL.TypeSystem;

/// <summary>
/// A leaf type: how its values are read from query literals and from JSON variables (input
/// coercion), and written to the response (result coercion).
/// </summary>
public abstract class ScalarType(string name) : INamedType
{
    /// <inheritdoc />
    public TypeKind Kind => TypeKind.Scalar;

    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public string? Description { get; init; }

    /// <summary>A URL that specifies the scalar's behaviour (<c>@specifiedBy</c>), if any.</summary>
    public string? SpecifiedByUrl { get; init; }

    /// <summary>Directives applied to the type in the schema.</summary>
    public IReadOnlyList<AppliedDirective> Directives { get; init; } = [];

    /// <summary>Reads a literal from a document (never a variable: the executor substitutes those first).</summary>
    public abstract ScalarCoercion CoerceLiteral(IValueNode literal);

    /// <summary>Reads a value given as JSON (a variable).</summary>
    public abstract ScalarCoercion CoerceInput(JsonElement value);

    /// <summary>Writes a resolver's value to the response; throws <see cref="ScalarSerializationException"/> if it cannot.</summary>
    public abstract void Serialize(Utf8JsonWriter writer, object value);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>The message for a value of the wrong kind.</summary>
    protected string Expected(string what, string got) => $"{Name} cannot represent {got}: expected {what}.";
}

/// <summary>The outcome of reading an input value: the value, or why it was refused.</summary>
/// <param name="Succeeded">Whether the value was accepted.</param>
/// <param name="Value">The coerced value.</param>
/// <param name="Error">Why it was refused.</param>
public readonly record struct ScalarCoercion(bool Succeeded, object? Value, string? Error)
{
    /// <summary>Accepted.</summary>
    public static ScalarCoercion Ok(object? value) => new(true, value, null);

    /// <summary>Refused.</summary>
    public static ScalarCoercion Fail(string error) => new(false, null, error);
}

/// <summary>A resolver returned a value its scalar type cannot represent: a field error.</summary>
public sealed class ScalarSerializationException(string message) : Exception(message);
