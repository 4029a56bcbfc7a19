using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Feeds;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>
/// The feeds and the sitemap. build and check write them all at once (<see cref="SiteFeeds.WriteAll"/>).
/// In serve, feed.xml and the sitemap are readers of their own (<see cref="PageDependencies"/>):
/// written again when their reads changed (feed.xml: which entries it chose and what they show;
/// the sitemap: each page's address and date, the keys, the lists' lengths and the tags' counts);
/// a community's feed goes with its page (<see cref="PageRenderer"/>).
/// </summary>
internal sealed class IncrementalFeeds(PageDependencies? dependencies)
{
    public const string Reader = "feed:";
    public const string RecentReader = Reader + "recent";
    public const string SitemapReader = Reader + "sitemap";

    public void Write(RenderPlan plan, RenderContext context, ReadPrints prints, IOutputSink sink)
    {
        if (dependencies is null)
        {
            if (plan.All) SiteFeeds.WriteAll(context, sink);
            return;
        }
        if (plan.All || plan.Readers.Contains(RecentReader))
            dependencies.Make(RecentReader, prints, () => SiteFeeds.WriteRecent(context, SiteFeeds.SelectRecent(context.Site), sink));
        if (plan.All || plan.Readers.Contains(SitemapReader))
            dependencies.Make(SitemapReader, prints, () => SiteFeeds.WriteSitemap(context, sink));
    }
}
