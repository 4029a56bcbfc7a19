using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PeerCommons.Browser.Tests.Support;

/// <summary>The site opened from a folder on disk (file://), as from a USB stick.</summary>
public static class OnDisk
{
    /// <summary>Runs a visit of the site opened from disk, then checks that no script failed and no request left the disk.</summary>
    public static async Task VisitAsync(SiteFixture site, Func<IPage, Task> visit)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = SiteFixture.Desktop });
        try
        {
            // Events come on Playwright's own thread, also while the lists are read below.
            var requests = new ConcurrentQueue<string>();
            context.Request += (_, r) => requests.Enqueue(r.Url);
            var page = await context.NewPageAsync();
            var errors = new ConcurrentQueue<string>();
            page.PageError += (_, e) => errors.Enqueue(e);
            await visit(page);
            Assert.Empty(errors);
            Assert.DoesNotContain(requests.ToArray(), u => !u.StartsWith("file://", StringComparison.Ordinal));
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
