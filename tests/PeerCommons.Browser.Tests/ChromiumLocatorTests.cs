using PeerCommons.Browser.Tests.Support;

namespace PeerCommons.Browser.Tests;

/// <summary>Finding the browser on machines other than this one (no browser is started here).</summary>
public sealed class ChromiumLocatorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "peercommons-chromium-" + Guid.NewGuid().ToString("N"));

    public ChromiumLocatorTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Program(string folder, string name)
    {
        var full = Path.Combine(_root, folder, OperatingSystem.IsWindows() ? name + ".exe" : name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, "");
        return full;
    }

    private string SearchPath(params string[] folders) => string.Join(Path.PathSeparator, folders.Select(f => Path.Combine(_root, f)));

    [Theory]
    [InlineData("chromium")]
    [InlineData("chromium-browser")]
    [InlineData("google-chrome")]
    public void Finds_each_usual_name_on_the_path(string name)
    {
        var expected = Program("b", name);
        Assert.Equal(expected, ChromiumLocator.Find(null, SearchPath("a", "b", "c")));
    }

    [Fact]
    public void Prefers_chromium_to_chrome_and_earlier_path_folders_within_a_name()
    {
        Program("a", "google-chrome");
        var later = Program("b", "chromium");
        Program("c", "chromium");
        Assert.Equal(later, ChromiumLocator.Find("", SearchPath("a", "b", "c")));
    }

    [Fact]
    public void The_environment_variable_wins_over_the_path()
    {
        Program("a", "chromium");
        var chosen = Program("elsewhere", "my-browser");
        Assert.Equal(chosen, ChromiumLocator.Find(chosen, SearchPath("a")));
    }

    [Fact]
    public void A_variable_naming_nothing_or_an_empty_path_finds_no_browser()
    {
        Program("a", "chromium");
        Assert.Null(ChromiumLocator.Find(Path.Combine(_root, "missing"), SearchPath("a")));
        Assert.Null(ChromiumLocator.Find(null, SearchPath("empty")));
        Assert.Null(ChromiumLocator.Find(null, null));
    }
}
