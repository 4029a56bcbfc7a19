using PeerCommons.Markdown.Extensions.HeadingIds;

namespace PeerCommons.Tests.Unit;

public sealed class HeadingSlugFoldTests
{
    [Fact]
    public void The_fold_table_covers_every_code_point_of_its_range()
    {
        Assert.Equal(0x017F - 0x00C0 + 1, HeadingSlug.LatinFold.Length);
        Assert.Equal("a", HeadingSlug.From("Ā"));
        Assert.Equal("l", HeadingSlug.From("Ł"));
        Assert.Equal("z", HeadingSlug.From("ž"));
        Assert.Equal("s", HeadingSlug.From("ſ"));
        Assert.Equal("strasse", HeadingSlug.From("Straße"));
        Assert.Equal("a-b", HeadingSlug.From("a×b"));
    }
}
