using System.Text.Json;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.Api.Schema;

/// <summary>The <c>UUID</c> scalar: a string in the canonical 8-4-4-4-12 form in and out; resolvers see a <see cref="Guid"/>.</summary>
public sealed class UuidScalar : ScalarType
{
    private UuidScalar()
        : base("UUID")
    {
        Description = "A UUID in its canonical 36-character form, e.g. 0190c2a4-5b1e-7c3d-9f00-2a4b6c8d0e1f.";
    }

    /// <summary>The scalar.</summary>
    public static UuidScalar Instance { get; } = new();

    /// <inheritdoc />
    public override ScalarCoercion CoerceLiteral(IValueNode literal) =>
        literal is StringValueNode text ? Parse(text.Value) : ScalarCoercion.Fail("UUID cannot represent a non-string value.");

    /// <inheritdoc />
    public override ScalarCoercion CoerceInput(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Parse(value.GetString()!) : ScalarCoercion.Fail($"UUID cannot represent a non-string value: {value.GetRawText()}");

    /// <inheritdoc />
    public override void Serialize(Utf8JsonWriter writer, object value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value is Guid id ? id.ToString("D") : throw new ScalarSerializationException($"UUID cannot represent value: {value}"));
    }

    // Only the canonical form: a braced or compact id would be the same value spelled differently in filters and cursors.
    private static ScalarCoercion Parse(string text) =>
        Guid.TryParseExact(text, "D", out var id)
            ? ScalarCoercion.Ok(id)
            : ScalarCoercion.Fail($"UUID cannot represent \"{text}\": expected the 36-character form such as 0190c2a4-5b1e-7c3d-9f00-2a4b6c8d0e1f.");
}
