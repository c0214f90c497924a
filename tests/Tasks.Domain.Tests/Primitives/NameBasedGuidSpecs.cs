using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tests.Primitives;

public sealed class NameBasedGuidSpecs
{
    private static readonly Guid DnsNamespace = Guid.Parse("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    private static readonly Guid UrlNamespace = Guid.Parse("6ba7b811-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void It_matches_the_rfc_version_5_uuids_of_other_implementations()
    {
        // Values computed independently with Python's uuid.uuid5.
        Assert.Equal(Guid.Parse("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameBasedGuid.Create(DnsNamespace, "python.org"));
        Assert.Equal(Guid.Parse("63cb3d60-ad4f-56e9-97a5-543467d9fc39"), NameBasedGuid.Create(UrlNamespace, "https://example.com/Straße"));
    }

    [Fact]
    public void It_sets_the_version_and_the_rfc_variant()
    {
        var id = NameBasedGuid.Create(DnsNamespace, "anything");

        Assert.Equal(5, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
    }

    [Fact]
    public void The_namespace_separates_equal_names()
    {
        Assert.NotEqual(NameBasedGuid.Create(DnsNamespace, "x"), NameBasedGuid.Create(UrlNamespace, "x"));
    }
}
