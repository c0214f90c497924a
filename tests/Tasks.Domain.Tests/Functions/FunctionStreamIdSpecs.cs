using Tasks.Domain.Functions;
using Tasks.Domain.Primitives;

namespace Tasks.Domain.Tests.Functions;

public sealed class FunctionStreamIdSpecs
{
    [Fact]
    public void A_name_always_gives_the_same_stream_id()
    {
        Assert.Equal(FunctionStreamId.For("resize-image"), FunctionStreamId.For("resize-image"));
    }

    [Fact]
    public void Names_differing_only_in_case_share_a_stream()
    {
        Assert.Equal(FunctionStreamId.For("Resize-Image"), FunctionStreamId.For("resize-image"));
    }

    [Fact]
    public void Different_names_get_different_streams()
    {
        Assert.NotEqual(FunctionStreamId.For("resize-image"), FunctionStreamId.For("resize-images"));
    }

    [Fact]
    public void Stream_ids_are_version_5_uuids_of_the_lower_cased_name()
    {
        var id = FunctionStreamId.For("Resize-Image");

        Assert.Equal(5, id.Version);
        Assert.Equal(NameBasedGuid.Create(FunctionStreamId.Namespace, "resize-image"), id);
    }

    [Fact]
    public void The_stream_id_of_a_name_never_changes()
    {
        // Pinned (computed with Python's uuid.uuid5): stored streams are addressed by these ids, so the derivation must never drift.
        Assert.Equal(Guid.Parse("308b4822-2257-5f71-9e6b-05564c92e5e4"), FunctionStreamId.For("resize-image"));
    }
}
