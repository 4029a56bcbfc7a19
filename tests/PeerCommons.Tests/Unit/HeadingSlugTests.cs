using PeerCommons.Markdown.Extensions.HeadingIds;

namespace PeerCommons.Tests.Unit;

public sealed class HeadingSlugTests
{
    [Theory]
    [InlineData("What it means in practice", "what-it-means-in-practice")]
    [InlineData("  Māori-informed   support!! ", "maori-informed-support")]
    [InlineData("Peer support (1:1) & groups", "peer-support-1-1-groups")]
    [InlineData("Ça déjà vu", "ca-deja-vu")]
    [InlineData("!!!", "section")]
    [InlineData("日本語", "section")]
    [InlineData("Step 2", "step-2")]
    public void Slugs(string text, string expected) => Assert.Equal(expected, HeadingSlug.From(text));
}
