namespace PeerCommons.Model;

/// <summary>
/// One crisis line from site.yaml's crisis_lines, shown first on the help page. <see cref="Checked"/>
/// (YYYY-MM) is when someone last confirmed the number, so a reader can judge how current it is.
/// </summary>
public sealed record CrisisLine(string Region, string Name, string? Contact, string? Url, string? Note, string Checked);
