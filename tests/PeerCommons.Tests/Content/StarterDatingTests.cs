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

    [GeneratedRegex(@"checked[^.\n]*\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")]
    private static partial Regex CheckedInMonthYear();

    [Fact]
    public void The_help_page_puts_emergencies_first_and_dates_the_phone_lines_it_lists()
    {
        var sections = Heading().Split(Site.ByKey["pages/help"].File.Body).Skip(1).ToList();
        Assert.NotEmpty(sections);
        Assert.Contains("emergency", sections[0], StringComparison.OrdinalIgnoreCase);
        var lines = sections.Where(s => s.Contains("call or text", StringComparison.OrdinalIgnoreCase) || s.Contains(", call ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, section => Assert.Matches(CheckedInMonthYear(), section));
    }
}
