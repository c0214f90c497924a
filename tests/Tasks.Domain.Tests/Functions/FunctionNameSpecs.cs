using Tasks.Domain.Functions;

namespace Tasks.Domain.Tests.Functions;

public sealed class FunctionNameSpecs
{
    [Theory]
    [InlineData("a")]
    [InlineData("resize-image")]
    [InlineData("Resize-Image-2")]
    [InlineData("-")]
    [InlineData("0123456789")]
    public void Letters_digits_and_dashes_make_a_name(string name)
    {
        Assert.True(FunctionName.IsValid(name));
        Assert.Null(FunctionName.Validate(name));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a b")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("a/b")]
    [InlineData("é")]
    [InlineData("٣")]
    public void Anything_else_is_not_a_name(string? name)
    {
        Assert.False(FunctionName.IsValid(name));
        Assert.Equal("name", FunctionName.Validate(name)!.Field);
    }

    [Fact]
    public void A_name_is_at_most_64_characters()
    {
        Assert.True(FunctionName.IsValid(new string('n', 64)));
        Assert.False(FunctionName.IsValid(new string('n', 65)));
    }

    [Fact]
    public void The_blamed_field_can_be_chosen()
    {
        Assert.Equal("functionName", FunctionName.Validate("", "functionName")!.Field);
    }
}
