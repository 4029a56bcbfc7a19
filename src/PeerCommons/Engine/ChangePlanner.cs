using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// What a change makes again: the edited entries' pages, and every reader (entry pages, index
/// pages, redirect pages, list items, feed.xml, the sitemap: <see cref="PageDependencies"/>) that read something whose
/// value is another now.
/// </summary>
internal sealed class ChangePlanner(PageDependencies dependencies)
{
    public void Plan(RenderPlan plan, List<ContentChange> changes, ReadPrints now)
    {
        var touched = new TouchedReads(changes, now.RenderContext.ReferencedBy);
        // An edited entry's pages show the entry itself, which they are given rather than look up.
        plan.Keys.UnionWith(touched.Keys);
        foreach (var reader in dependencies.Changed(now, touched))
            if (PageRenderer.IsEntryReader(reader)) plan.Keys.Add(reader);
            else plan.Readers.Add(reader);
    }
}
