using PeerCommons.Diagnostics;
using PeerCommons.Load;

namespace PeerCommons.Tests.Unit;

/// <summary>
/// An entry keeps only where its front-matter fields were written; diagnostics raised after loading
/// (a broken related key, a missing source) must still point at the exact key, value or list item.
/// </summary>
public sealed class FrontMatterPositionsTests
{
    private const string Text = "---\ntitle: T\nsummary: S\nrelated:\n  - values/a\n  - values/b\ntags: [x, y]\ndetails:\n  k: v\n---\nBody\n";

    private static PeerCommons.Model.FrontMatterPositions Positions()
    {
        var bag = new DiagnosticBag();
        var split = FrontMatterSplitter.Split(Text, "/x/f.md", "f.md", bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return split!.File.FrontMatter;
    }

    [Fact]
    public void An_item_of_a_list_field_is_found_where_it_was_written()
    {
        var positions = Positions();
        Assert.Equal((6, 5), positions.Of("related", 1));
        Assert.Equal((7, 11), positions.Of("tags", 1));
    }

    [Fact]
    public void A_scalar_field_points_at_its_value_and_other_fields_at_their_key()
    {
        var positions = Positions();
        Assert.Equal((3, 10), positions.Of("summary"));
        Assert.Equal((8, 1), positions.Of("details"));
        // An item beyond the list falls back to the key, as the whole field is then at fault.
        Assert.Equal((4, 1), positions.Of("related", 5));
        Assert.Equal((4, 1), positions.KeyOf("related"));
    }

    [Fact]
    public void A_missing_field_points_at_the_front_matter_and_has_no_key()
    {
        var positions = Positions();
        Assert.Null(positions.KeyOf("sources"));
        Assert.Equal((positions.Line, 1), positions.Of("sources"));
    }
}
