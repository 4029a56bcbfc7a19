using AngleSharp.Html.Parser;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// A search result leads to the section its words are in (search/docs/, docs/search-store.md): every
/// heading a contributor writes, also one with inline code, an entity or emphasis in it, is a section
/// whose anchor is the id the heading has on the page, and its words are in that section.
/// </summary>
public sealed class SearchSectionHeadingTests
{
    private const string SharedPower = """
        ---
        title: Shared power
        summary: "Decisions are made together, not for people."
        tags: [values]
        related: [values/mutuality]
        ---

        Shared power goes with [mutuality](xref:values/mutuality).

        ## In groups

        Groups decide together.

        ## Using the `help` page

        The help page lists crisis lines.

        ## Peers &amp; *allies*

        Allies support peers.

        ## Last words

        Power is shared.
        """;

    [Fact]
    public void Headings_with_code_entities_or_emphasis_are_sections_with_the_pages_heading_ids()
    {
        using var temp = new TempFolder();
        Build.CopyFolder(Build.ValidContent, temp.Path("content"));
        File.WriteAllText(temp.Path("content", "values", "shared-power.md"), SharedPower);
        var result = Build.Write(temp.Path("content"), temp.Path("_site"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));

        var document = Assert.Single(SearchStoreFiles.Read(temp.Path("_site")), d => d.Title == "Shared power");
        var page = new HtmlParser().ParseDocument(File.ReadAllText(temp.Path("_site", document.Url)));
        var headings = page.QuerySelectorAll("main h2[id]").Where(h => h.Closest(".entry-body") is not null).ToList();
        Assert.Equal(4, headings.Count);

        // One section per heading, in page order, each anchored at the heading's id on the page.
        Assert.Equal(headings.Select(h => h.Id), document.Sections.Where(s => s.Id is not null).Select(s => s.Id));
        var byId = document.Sections.Where(s => s.Id is not null).ToDictionary(s => s.Id!);
        Assert.Equal("Using the help page", byId[headings[1].Id!].Heading);
        Assert.StartsWith("Using the help page", headings[1].TextContent.Trim());
        Assert.Equal("The help page lists crisis lines.", byId[headings[1].Id!].Text);
        Assert.Equal("Peers & allies", byId[headings[2].Id!].Heading);
        Assert.Equal("Allies support peers.", byId[headings[2].Id!].Text);
        // The words under a heading stay out of the section before it.
        Assert.Equal("Groups decide together.", byId[headings[0].Id!].Text);
    }
}
