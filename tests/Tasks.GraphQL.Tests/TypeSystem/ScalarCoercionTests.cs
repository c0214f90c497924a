using System.Text;
using System.Text.Json;
using Tasks.GraphQL.Language;
using Tasks.GraphQL.TypeSystem;

namespace Tasks.GraphQL.Tests.TypeSystem;

public sealed class ScalarCoercionTests
{
    public static TheoryData<string, string, bool> Literals => new()
    {
        { "Int", "123", true },
        { "Int", "2147483648", false },
        { "Int", "1.0", false },
        { "Int", "\"1\"", false },
        { "Float", "1", true },
        { "Float", "1.5e3", true },
        { "Float", "true", false },
        { "String", "\"abc\"", true },
        { "String", "abc", false },
        { "Boolean", "true", true },
        { "Boolean", "1", false },
        { "ID", "\"x1\"", true },
        { "ID", "42", true },
        { "ID", "4.2", false },
        { "DateTime", "\"2026-01-31T12:00:00Z\"", true },
        { "DateTime", "\"2026-01-31T12:00:00+02:00\"", true },
        { "DateTime", "\"2026-01-31T12:00:00\"", false },
        { "DateTime", "\"2026-01-31\"", false },
        { "Long", "9007199254740993", true },
        { "Long", "9223372036854775808", false },
        { "JSON", "{a: [1, \"x\", null, true, ENUM]}", true },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void Literals_are_accepted_or_refused_as_the_specification_says(string scalar, string literal, bool accepted)
    {
        var result = BuiltInScalars.ByName[scalar].CoerceLiteral(Parser.ParseConstValue(literal));

        Assert.Equal(accepted, result.Succeeded);
        Assert.Equal(accepted, result.Error is null);
    }

    public static TheoryData<string, string, bool> Inputs => new()
    {
        { "Int", "123", true },
        { "Int", "1.0", true },
        { "Int", "1.5", false },
        { "Int", "\"1\"", false },
        { "Float", "1", true },
        { "String", "\"x\"", true },
        { "String", "1", false },
        { "Boolean", "false", true },
        { "Boolean", "\"false\"", false },
        { "ID", "7", true },
        { "ID", "\"7\"", true },
        { "ID", "true", false },
        { "DateTime", "\"2026-01-31T12:00:00.123Z\"", true },
        { "Long", "-5", true },
        { "JSON", "{\"any\":[1,2]}", true },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Variables_are_accepted_or_refused_as_the_specification_says(string scalar, string json, bool accepted)
    {
        using var document = JsonDocument.Parse(json);

        var result = BuiltInScalars.ByName[scalar].CoerceInput(document.RootElement);

        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public void Results_are_written_as_their_JSON_forms()
    {
        Assert.Equal("42", Write(BuiltInScalars.Int, 42L));
        Assert.Equal("1.5", Write(BuiltInScalars.Float, 1.5));
        Assert.Equal("\"7\"", Write(BuiltInScalars.ID, 7));
        Assert.Equal("\"2026-01-31T10:00:00.000000Z\"", Write(BuiltInScalars.DateTime, new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.FromHours(2))));
        Assert.Equal("{\"a\":1}", Write(BuiltInScalars.Json, new RawJson("{\"a\":1}")));
        Assert.Throws<ScalarSerializationException>(() => Write(BuiltInScalars.Int, 3_000_000_000L));
        Assert.Throws<ScalarSerializationException>(() => Write(BuiltInScalars.Float, double.NaN));
        Assert.Throws<ScalarSerializationException>(() => Write(BuiltInScalars.Boolean, "yes"));
    }

    private static string Write(ScalarType scalar, object value)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            scalar.Serialize(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
