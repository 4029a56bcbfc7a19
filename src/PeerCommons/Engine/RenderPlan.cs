namespace PeerCommons.Engine;

/// <summary>What a rebuild renders: everything, or the pages of some entries, the other readers whose reads changed, feeds and the sitemap.</summary>
internal sealed class RenderPlan
{
    public bool All;
    public bool Theme;
    public bool Config;
    /// <summary>The keys of the entries whose pages are rendered again.</summary>
    public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
    /// <summary>Index pages, redirect pages, list items, feed.xml and the sitemap whose reads changed (<see cref="PageDependencies"/>).</summary>
    public HashSet<string> Readers { get; } = new(StringComparer.Ordinal);

    public RenderPlan Union(RenderPlan other)
    {
        var plan = new RenderPlan
        {
            All = All || other.All, Theme = Theme || other.Theme, Config = Config || other.Config,
        };
        plan.Keys.UnionWith(Keys); plan.Keys.UnionWith(other.Keys);
        plan.Readers.UnionWith(Readers); plan.Readers.UnionWith(other.Readers);
        return plan;
    }
}
