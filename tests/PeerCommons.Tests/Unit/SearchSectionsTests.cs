using PeerCommons.Index;
using PeerCommons.Markdown.Extensions.HeadingIds;

namespace PeerCommons.Tests.Unit;

/// <summary>How a document's searchable text is cut into the sections a result can link to (SearchDocument.Sectioned).</summary>
public sealed class SearchSectionsTests
{
    private static HeadingInfo Heading(string id, string text, int level) => new(id, text, level, 0, 0);

    [Fact]
    public void Sub_headings_are_named_with_the_headings_above_them()
    {
        var body = "Lead text.\nPractice\nIn pairs.\nTensions\nPaid roles.\nHistory\nSince 1990.\n";
        var sections = SearchDocument.Sectioned(body,
            [Heading("practice", "Practice", 2), Heading("tensions", "Tensions", 3), Heading("history", "History", 2)]);
        Assert.Equal(
            [new SearchSection(null, null, "Lead text."), new SearchSection("practice", "Practice", "In pairs."),
             new SearchSection("tensions", "Practice › Tensions", "Paid roles."), new SearchSection("history", "History", "Since 1990.")],
            sections);
    }

    [Fact]
    public void A_heading_not_found_in_the_text_leaves_its_words_in_the_section_before()
    {
        // "Using git" is not a line of this text (as for a heading past the indexed length), so it is not found; "Later" still is.
        var body = "Practice\nIn pairs.\nUsing\nCommit often.\nLater\nThe end.\n";
        var sections = SearchDocument.Sectioned(body,
            [Heading("practice", "Practice", 2), Heading("using-git", "Using git", 2), Heading("later", "Later", 2)]);
        Assert.Equal(["practice", "later"], sections.Select(s => s.Id));
        Assert.Equal("In pairs. Using Commit often.", sections[0].Text);
    }

    [Fact]
    public void Without_headings_the_whole_text_is_one_section_without_id_and_empty_text_none()
    {
        Assert.Equal([new SearchSection(null, null, "A note. Two lines.")], SearchDocument.Sectioned("A note.\n  Two   lines.\n", []));
        Assert.Empty(SearchDocument.Sectioned("\n \n", []));
    }

    [Fact]
    public void A_heading_is_found_whatever_its_spacing_but_only_as_a_whole_line()
    {
        // "Practice in pairs" starts like the heading "Practice" and is not it; the heading's own line has a tab.
        var body = "Practice in pairs\n \tPractice  \nNotes\tin  pairs.\n";
        var sections = SearchDocument.Sectioned(body, [Heading("practice", "Practice", 2)]);
        Assert.Equal(
            [new SearchSection(null, null, "Practice in pairs"), new SearchSection("practice", "Practice", "Notes in pairs.")],
            sections);
    }
}
