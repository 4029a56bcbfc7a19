namespace PeerCommons.Render;

/// <summary>Readable labels from field names and enum values: "organisation_type" -> "Organisation type".</summary>
public static class Humanize
{
    public static string Label(string name)
    {
        var words = name.Replace('_', ' ').Replace('-', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>"user-led" stays "User-led" (a hyphenated term); "voluntary-sector" -> "Voluntary sector".</summary>
    public static string Value(string value) => value switch
    {
        "user-led" => "User-led",
        "peer-led" => "Peer-led",
        "self-organised" => "Self-organised",
        "one-to-one" => "One-to-one",
        "in-person" => "In person",
        _ => Label(value),
    };

    public static string Minutes(int minutes) =>
        minutes < 60 ? $"{minutes} min"
        : minutes % 60 == 0 ? $"{minutes / 60} h"
        : $"{minutes / 60} h {minutes % 60} min";
}
