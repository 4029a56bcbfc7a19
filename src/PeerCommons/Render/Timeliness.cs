using System.Globalization;
using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>
/// When an entry's facts date from, in words. A reader looking for help must not be sent to a service
/// that may have closed, so a project's status is never shown as current without the year it was reported.
/// </summary>
public static class Timeliness
{
    /// <summary>The year the entry's facts date from (its as_of field), as text, or null.</summary>
    public static string? AsOf(Entry entry) =>
        entry.Fields.TryGetValue("as_of", out var year) ? ((int)year).ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>A project's status as a reader should read it: "Active, as last reported in 2012", "Status unknown — last reported in 2012".</summary>
    public static string ProjectStatus(Entry project)
    {
        var year = AsOf(project);
        return project.Field<string>("status") switch
        {
            "active" => year is null ? "Active (no date given)" : $"Active, as last reported in {year}",
            "closed" => year is null ? "Closed" : $"Closed (reported in {year})",
            _ => year is null ? "Status unknown" : $"Status unknown — last reported in {year}",
        };
    }

    /// <summary>The status in the facts box, under the label "Status": "Unknown — last reported in 2012".</summary>
    public static string StatusFact(Entry project)
    {
        const string unknown = "Status unknown";
        var status = ProjectStatus(project);
        return status.StartsWith(unknown, StringComparison.Ordinal) ? "Unknown" + status[unknown.Length..] : status;
    }

    /// <summary>The warning at the top of a project page whose status is not known to be current, or null.</summary>
    public static string? ProjectNotice(Entry project) => project.Field<string>("status") switch
    {
        "closed" => null,
        "active" when AsOf(project) is not null => null,
        _ => ProjectStatus(project) + ". This service may have changed or closed: check with it before you rely on it.",
    };

    /// <summary>What a list shows of an entry's date: the project's status, or "as of 2012", or null.</summary>
    public static string? ListNote(Entry entry) =>
        entry.Kind == EntryKind.Project ? ProjectStatus(entry) : AsOf(entry) is { } year ? $"as of {year}" : null;
}
