using AngleSharp.Html.Parser;
using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The links to the propose form: every list page proposes its kind, and every entry and each of its
/// sections offers "Add a note from your community" aimed at itself, with a name a screen reader can
/// tell apart; the form sends to the repository and branch site.yaml names.
/// </summary>
public sealed class ProposeLinksTests
{
    [Fact]
    public void Every_entry_and_section_links_to_a_note_on_itself_and_lists_propose_their_kind()
    {
        using var temp = new TempFolder();
        var content = temp.Path("content");
        Build.CopyFolder(Build.ValidContent, content);
        var config = Path.Combine(content, "site.yaml");
        File.AppendAllText(config, "repo_branch: drafts\n");
        var result = Build.Write(content, temp.Path("_site"));
        Assert.True(result.Succeeded, Build.Describe(result.Diagnostics));
        var site = temp.Path("_site");
        var parser = new HtmlParser();
        AngleSharp.Dom.IDocument Page(string path) => parser.ParseDocument(File.ReadAllText(Path.Combine(site, path)));

        var form = Page("contribute/propose/index.html").QuerySelector("form[data-propose]")!;
        Assert.Equal("https://github.com/example/fixture", form.GetAttribute("data-repo-url"));
        Assert.Equal("drafts", form.GetAttribute("data-branch"));
        Assert.Contains("/edit/drafts/", File.ReadAllText(Path.Combine(site, "values", "mutuality", "index.html")));

        Assert.Equal("../contribute/propose/index.html?kind=project", Page("projects/index.html").QuerySelector(".propose-link a")!.GetAttribute("href"));
        Assert.Equal("../contribute/propose/index.html?kind=community", Page("communities/index.html").QuerySelector(".propose-link a")!.GetAttribute("href"));

        var value = Page("values/mutuality/index.html");
        var links = value.QuerySelectorAll(".note-link a").ToList();
        var targets = links.Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!.Split("&target=")[1])).ToList();
        var sections = value.QuerySelectorAll(".entry-body > h2[id], .entry-body > h3[id]").Select(h => "values/mutuality#" + h.Id).ToList();
        Assert.NotEmpty(sections);
        Assert.Equal([.. sections, "values/mutuality"], targets);
        Assert.All(links, a => Assert.StartsWith("../../contribute/propose/index.html?kind=annotation&target=", a.GetAttribute("href")));
        // Each link's name (visible words and the hidden part) tells which section it is for.
        Assert.Equal(links.Count, links.Select(a => a.TextContent).Distinct().Count());

        // Editors' own pages take no notes; a module's sections do.
        Assert.Empty(Page("pages/about/index.html").QuerySelectorAll(".note-link"));
        Assert.Contains(Page("curricula/peer-basics/listening/index.html").QuerySelectorAll(".note-link a"),
            a => a.GetAttribute("href")!.EndsWith("target=curricula%2Fpeer-basics%2Flistening", StringComparison.Ordinal));
    }
}
