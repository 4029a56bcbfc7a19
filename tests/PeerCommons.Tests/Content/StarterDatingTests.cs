using System.Text.RegularExpressions;
using PeerCommons.Model;

namespace PeerCommons.Tests.Content;

/// <summary>
/// Time is visible where it matters (issue 17): a reader looking for help must not be sent to a
/// project, or a phone line, as if it were available now when the facts come from an old report.
/// </summary>
public sealed partial class StarterDatingTests
{
    private static Site Site => StarterSite.Site;

    [GeneratedRegex(@"\bwe do not know (whether|if|which)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SaysCurrentStatusIsUnknown();

    [Fact]
    public void Every_project_of_unknown_status_gives_the_year_its_facts_date_from_and_says_it_may_have_ended()
    {
        var unknown = Site.Entries.Where(e => e.Kind == EntryKind.Project && e.Field<string>("status") == "unknown").ToList();
        Assert.NotEmpty(unknown);
        var undated = unknown.Where(p => p.Field<int>("as_of") == 0).Select(p => p.Path).ToList();
        Assert.True(undated.Count == 0, "no as_of year: " + string.Join(", ", undated));
        var presentedAsCurrent = unknown.Where(p => !SaysCurrentStatusIsUnknown().IsMatch(p.File.Body)).Select(p => p.Path).ToList();
        Assert.True(presentedAsCurrent.Count == 0, "never say that we do not know whether they still run: " + string.Join(", ", presentedAsCurrent));
    }

    [GeneratedRegex(@"^## ", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [Fact]
    public void The_help_page_puts_emergencies_first_and_its_phone_lines_are_the_sites_dated_crisis_lines()
    {
        var sections = Heading().Split(Site.ByKey["pages/help"].File.Body).Skip(1).ToList();
        Assert.NotEmpty(sections);
        Assert.Contains("emergency", sections[0], StringComparison.OrdinalIgnoreCase);

        // The numbers live in one place (site.yaml's crisis_lines, shown as a box at the top of the
        // help page), so that one list is checked and dated, not a second copy in the prose.
        var lines = Site.Config.CrisisLines;
        foreach (var region in new[] { "United Kingdom", "Ireland", "United States", "New Zealand" })
            Assert.Contains(lines, l => l.Region.Contains(region, StringComparison.Ordinal) && l.Contact is not null);
        Assert.Contains(lines, l => l.Contact is null && l.Url is not null);
        Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d{2}$", l.Checked));
        Assert.DoesNotContain("116 123", Site.ByKey["pages/help"].File.Body, StringComparison.Ordinal);
    }
}
