using Microsoft.Playwright;

namespace PeerCommons.Browser.Tests.Support;

/// <summary>
/// Waits until a page is at an address and has finished loading, after a click or a key that navigates.
/// Playwright's WaitForURLAsync missed such navigations on a loaded machine (CI failed on it with the
/// page already at the right address: it had checked the address a moment before the navigation was
/// reported, then waited for an event it had missed). Asking the page itself, again and again, cannot miss one.
/// </summary>
public static class Arrival
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits until the page's address is exactly <paramref name="url"/> (fragment included).</summary>
    public static Task AtAsync(IPage page, string url) => WhenAsync(page, href => href == url, url);

    /// <summary>Waits until the page's address ends with <paramref name="ending"/> (fragment included).</summary>
    public static Task AtEndingAsync(IPage page, string ending) =>
        WhenAsync(page, href => href.EndsWith(ending, StringComparison.Ordinal), "…" + ending);

    private static async Task WhenAsync(IPage page, Func<string, bool> isWanted, string wanted)
    {
        var deadline = DateTime.UtcNow + Timeout;
        var seen = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                seen = await page.EvaluateAsync<string>("() => document.readyState + ' ' + location.href");
                if (seen.StartsWith("complete ", StringComparison.Ordinal) && isWanted(seen["complete ".Length..])) return;
            }
            catch (PlaywrightException)
            {
                // The page being left went away while it was asked; the next question goes to the new one.
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"The page did not arrive at {wanted} within {Timeout.TotalSeconds} s (last seen: {seen}).");
    }
}
