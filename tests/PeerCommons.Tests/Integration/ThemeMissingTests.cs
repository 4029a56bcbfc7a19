using PeerCommons.Tests.Support;

namespace PeerCommons.Tests.Integration;

/// <summary>
/// The theme is read while the content loads; a theme folder without templates must still stop the
/// build with the same plain message, after the content's own findings, and leave no output.
/// </summary>
public sealed class ThemeMissingTests
{
    [Fact]
    public void A_theme_folder_without_templates_stops_the_build_with_a_plain_message_and_writes_nothing()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Path("not-a-theme"));
        var result = Build.Write(Build.ValidContent, temp.Path("_site"), themeDirectory: temp.Path("not-a-theme"));

        Assert.False(result.Succeeded);
        Assert.Equal("no theme found: pass --theme with the folder that holds templates/ and assets/", result.FatalError);
        Assert.False(Directory.Exists(temp.Path("_site")));
        Assert.DoesNotContain(result.Stages, s => s.Stage == "render");
    }
}
