using Tasks.Domain.Tasks;

namespace Tasks.Domain.Tests.Tasks;

public sealed class TaskDataSpecs
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"a":1,"b":[true,null,"x"],"c":{"d":2.5}}""")]
    [InlineData(" { \"spaced\" : 1 } ")]
    public void A_json_object_is_valid_data(string json)
    {
        Assert.True(TaskData.TryCreate(json, out var data, out var error));
        Assert.Null(error);
        Assert.Equal(json, data.Json);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void A_json_value_that_is_not_an_object_is_rejected(string json)
    {
        Assert.False(TaskData.TryCreate(json, out _, out var error));
        Assert.Equal("data", error.Field);
        Assert.Contains("object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{a:1}")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{} {}")]
    public void Text_that_is_not_json_is_rejected(string json)
    {
        Assert.False(TaskData.TryCreate(json, out _, out var error));
        Assert.Equal("data", error.Field);
    }

    [Fact]
    public void No_data_is_the_empty_object()
    {
        Assert.True(TaskData.TryCreate(null, out var data, out _));
        Assert.Equal(TaskData.Empty, data);
        Assert.Equal("{}", TaskData.Empty.Json);
    }

    [Fact]
    public void Data_of_exactly_256000_bytes_is_accepted_and_one_more_byte_is_rejected()
    {
        Assert.True(TaskData.TryCreate(ObjectOfBytes(256_000), out _, out _));
        Assert.False(TaskData.TryCreate(ObjectOfBytes(256_001), out _, out var error));
        Assert.Equal("data", error.Field);
        Assert.Contains("256000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_size_limit_counts_utf8_bytes_not_characters()
    {
        // "é" is one character but two bytes: 128,000 of them fill the limit without the braces.
        var json = "{\"k\":\"" + new string('é', 128_000) + "\"}";

        Assert.True(json.Length < TaskData.MaxBytes);
        Assert.False(TaskData.TryCreate(json, out _, out _));
    }

    [Fact]
    public void Data_is_equal_by_its_text()
    {
        Assert.Equal(TaskData.Create("""{"a":1}"""), TaskData.Create("""{"a":1}"""));
        Assert.NotEqual(TaskData.Create("""{"a":1}"""), TaskData.Create("""{ "a": 1 }"""));
    }

    [Fact]
    public void Creating_invalid_data_directly_throws()
    {
        Assert.Throws<ArgumentException>(() => TaskData.Create("[1]"));
    }

    [Fact]
    public void A_custom_field_name_is_blamed()
    {
        Assert.False(TaskData.TryCreate("[]", out _, out var error, "input"));
        Assert.Equal("input", error.Field);
    }

    private static string ObjectOfBytes(int bytes) => "{\"k\":\"" + new string('x', bytes - 8) + "\"}";
}
