using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>What a rebuild renders: everything, or the pages of some entries, some index pages, redirects and feeds.</summary>
internal sealed class RenderPlan
{
    public bool All;
    public bool Theme;
    public bool Config;
    /// <summary>Home (and any list page this engine does not know) may show something else.</summary>
    public bool Listings;
    /// <summary>The tag index may count differently, and tag pages may have come or gone.</summary>
    public bool TagIndex;
    /// <summary>Aliases may lead elsewhere now: every redirect, and the _redirects file.</summary>
    public bool Redirects;
    /// <summary>Entries with aliases whose title changed: their redirect pages show it.</summary>
    public HashSet<string> RetitledRedirectTargets { get; } = new(StringComparer.Ordinal);
    /// <summary>Every feed and the sitemap are written again.</summary>
    public bool AllFeeds;
    /// <summary>feed.xml may show other entries.</summary>
    public bool RecentFeed;
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Tags { get; } = new(StringComparer.Ordinal);
    public HashSet<EntryKind> Kinds { get; } = [];

    public RenderPlan Union(RenderPlan other)
    {
        var plan = new RenderPlan
        {
            All = All || other.All, Theme = Theme || other.Theme, Config = Config || other.Config, Listings = Listings || other.Listings,
            TagIndex = TagIndex || other.TagIndex, Redirects = Redirects || other.Redirects, AllFeeds = AllFeeds || other.AllFeeds, RecentFeed = RecentFeed || other.RecentFeed,
        };
        plan.Keys.UnionWith(Keys); plan.Keys.UnionWith(other.Keys);
        plan.Tags.UnionWith(Tags); plan.Tags.UnionWith(other.Tags);
        plan.Kinds.UnionWith(Kinds); plan.Kinds.UnionWith(other.Kinds);
        plan.RetitledRedirectTargets.UnionWith(RetitledRedirectTargets); plan.RetitledRedirectTargets.UnionWith(other.RetitledRedirectTargets);
        return plan;
    }

    /// <summary>Redirects follow aliases, and an alias is dropped where a key took its address: only these changes move them.</summary>
    public void NoteRedirects(ContentChange change)
    {
        // A redirect page also names its target (most entries have no alias).
        if (change.Old is null || change.New is null || !change.Old.Aliases.SequenceEqual(change.New.Aliases)) Redirects = true;
        else if (change.Old.Title != change.New.Title && change.Old.Aliases.Count > 0) RetitledRedirectTargets.Add(change.New.Key);
    }
}
