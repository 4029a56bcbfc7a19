using System.Text.RegularExpressions;

namespace PeerCommons.Model;

public static partial class Slugs
{
    /// <summary>The pattern, also published in the JSON Schemas.</summary>
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public const int MaxLength = 100;

    [GeneratedRegex(Pattern)]
    private static partial Regex SlugPattern();

    /// <summary>The id syntax of the content model; also used for tags and handles.</summary>
    public static bool IsValid(string text) => text.Length <= MaxLength && SlugPattern().IsMatch(text);
}
