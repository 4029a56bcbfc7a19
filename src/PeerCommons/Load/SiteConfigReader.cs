using System.Globalization;
using PeerCommons.Diagnostics;
using PeerCommons.Model;
using PeerCommons.Validate;

namespace PeerCommons.Load;

/// <summary>Reads content/site.yaml; every key is checked like front matter.</summary>
public static class SiteConfigReader
{
    private static readonly string[] Known = ["title", "tagline", "repo_url", "repo_branch", "branch", "help_link", "quick_exit_url", "language", "feed_entries", "list_page_size", "base_url", "crisis_lines", "crisis_words", "require_sources"];

    public static SiteConfig Read(string fullPath, string displayPath, DiagnosticBag diagnostics)
    {
        var config = new SiteConfig { SourcePath = fullPath };
        if (!OrdinaryFile.Exists(fullPath))
        {
            diagnostics.Error(displayPath, 1, 1, Codes.MissingField, "site.yaml is missing; create it with at least 'title: Your site name'");
            return config;
        }
        var text = TextFileReader.Read(fullPath, displayPath, diagnostics);
        if (text is null) return config;
        if (YamlTreeReader.Read(text, displayPath, 0, diagnostics) is not YMapping root)
        {
            if (!diagnostics.HasErrorsFor(displayPath))
                diagnostics.Error(displayPath, 1, 1, Codes.FrontMatterNotMapping, "site.yaml must be 'key: value' lines such as 'title: PeerCommons'");
            return config;
        }

        foreach (var entry in root.Entries)
        {
            var key = entry.Key;
            string? Scalar()
            {
                if (entry.Value is YScalar { IsNull: false } s && s.Value.Trim().Length > 0) return s.Value.Trim();
                diagnostics.Error(displayPath, key.Line, key.Column, Codes.WrongType, $"'{key.Value}' must be a single non-empty value");
                return null;
            }
            string? Url(string? value, bool allowRelative)
            {
                if (value is null) return null;
                if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return value;
                if (allowRelative && !value.Contains(':') && !value.StartsWith('/')) return value;
                diagnostics.Error(displayPath, entry.Value.Line, entry.Value.Column, Codes.InvalidUrl,
                    $"'{key.Value}' must be a full address starting with https://{(allowRelative ? " or a path on this site such as pages/help/" : "")}");
                return null;
            }

            switch (key.Value)
            {
                case "title": config = config with { Title = Scalar() ?? config.Title }; break;
                case "tagline": config = config with { Tagline = Scalar() ?? "" }; break;
                case "repo_url": config = config with { RepoUrl = Url(Scalar(), false)?.TrimEnd('/') }; break;
                // repo_branch names what it is; branch is its older spelling, still read.
                case "repo_branch" or "branch": config = config with { Branch = Scalar() ?? config.Branch }; break;
                case "quick_exit_url": config = config with { QuickExitUrl = Url(Scalar(), false) ?? config.QuickExitUrl }; break;
                case "language": config = config with { Language = Scalar() ?? config.Language }; break;
                case "base_url":
                    var baseUrl = Url(Scalar(), false);
                    // Url() has taken an absolute http(s) address; NormalizeBaseUrl refuses the rest of what
                    // cannot start every address of the site (a query, fragment or user name), one rule with --base-url.
                    if (baseUrl is not null && SiteConfig.NormalizeBaseUrl(baseUrl) is null)
                    {
                        diagnostics.Error(displayPath, entry.Value.Line, entry.Value.Column, Codes.InvalidUrl,
                            "'base_url' must be the plain address of the site, such as https://example.org/commons/, with no '?', '#' or 'name@' part");
                        baseUrl = null;
                    }
                    config = config with { BaseUrl = SiteConfig.NormalizeBaseUrl(baseUrl) };
                    break;
                case "require_sources":
                    if (Scalar() is "true" or "false" && entry.Value is YScalar { Quoted: false } flag)
                        config = config with { RequireSources = flag.Value == "true" };
                    else
                        diagnostics.Error(displayPath, entry.Value.Line, entry.Value.Column, Codes.WrongType, "'require_sources' must be true or false");
                    break;
                case "feed_entries":
                    if (int.TryParse(Scalar(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000)
                        config = config with { FeedEntries = n };
                    else
                        diagnostics.Error(displayPath, entry.Value.Line, entry.Value.Column, Codes.WrongType, "'feed_entries' must be a whole number from 1 to 1000");
                    break;
                case "list_page_size":
                    var sizeText = Scalar(); // an empty value is reported by Scalar() itself
                    if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is > 0 and <= SiteConfig.MaxListPageSize)
                        config = config with { ListPageSize = size };
                    else if (sizeText is not null)
                        diagnostics.Error(displayPath, entry.Value.Line, entry.Value.Column, Codes.WrongType,
                            $"'list_page_size' must be a whole number from 1 to {SiteConfig.MaxListPageSize}: how many entries one page of a list shows, such as {SiteConfig.DefaultListPageSize}");
                    break;
                case "crisis_lines": config = config with { CrisisLines = CrisisLinesReader.Read(entry, displayPath, diagnostics) }; break;
                case "crisis_words":
                    // Every item must be a plain word or phrase: a blank or nested item is a mistake to report, not to skip.
                    var words = entry.Value is YSequence { Items.Count: > 0 } list && list.Items.All(w => w is YScalar { IsNull: false } s && s.Value.Trim().Length > 0)
                        ? list.Items.Cast<YScalar>().Select(w => w.Value.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList()
                        : null;
                    if (words is not null) config = config with { CrisisWords = words };
                    else
                        diagnostics.Error(displayPath, entry.Value.Line, entry.Value.Column, Codes.WrongType,
                            "'crisis_words' must be a list of words or phrases, such as [suicide, self harm, overdose]");
                    break;
                case "help_link":
                    if (entry.Value is YMapping help)
                    {
                        foreach (var part in help.Entries.Where(p => p.Key.Value is not ("url" or "text")))
                            diagnostics.Error(displayPath, part.Key.Line, part.Key.Column, Codes.UnknownField,
                                $"unknown field '{part.Key.Value}' in help_link{Suggest.DidYouMean(part.Key.Value, ["url", "text"])}");
                        if (help.Find("url")?.Value is YScalar { IsNull: false } url)
                            config = config with { HelpLinkUrl = Url(url.Value.Trim(), true) ?? config.HelpLinkUrl, HelpLinkLine = url.Line };
                        if (help.Find("text")?.Value is YScalar { IsNull: false } linkText)
                            config = config with { HelpLinkText = linkText.Value.Trim() };
                    }
                    else
                        diagnostics.Error(displayPath, key.Line, key.Column, Codes.WrongType, "'help_link' must have 'url' and 'text' lines indented below it");
                    break;
                default:
                    diagnostics.Error(displayPath, key.Line, key.Column, Codes.UnknownField, $"unknown field '{key.Value}'{Suggest.DidYouMean(key.Value, Known)}");
                    break;
            }
        }
        // The crisis lines appear on the help page only: without one they would silently vanish.
        if (config.CrisisLines.Count > 0 && (config.HelpLinkUrl is null || config.HelpLinkUrl.Contains(':')) && root.Find("crisis_lines") is { } lines)
            diagnostics.Error(displayPath, lines.Key.Line, lines.Key.Column, Codes.MissingField,
                "crisis_lines are shown on this site's help page, so help_link's url must be a page of this site such as pages/help/");
        if (root.Find("title") is null)
            diagnostics.Error(displayPath, 1, 1, Codes.MissingField, "missing required field 'title'; add a line 'title: ...'");
        return config;
    }
}
