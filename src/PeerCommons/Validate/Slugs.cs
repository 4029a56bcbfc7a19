using System.Text.RegularExpressions;

namespace PeerCommons.Validate;

public static partial class Slugs
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    /// <summary>The id syntax of the content model; also used for tags and handles.</summary>
    public static bool IsValid(string text) => text.Length <= 100 && SlugPattern().IsMatch(text);
}
