using System.Globalization;
using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render;

/// <summary>The kind-specific facts box: a project's region and funding, a history event's date, a course's audience...</summary>
public static class FactsBuilder
{
    public static IReadOnlyList<FactView> For(Entry entry, string page, RenderContext context)
    {
        var facts = new List<FactView>();
        void Text(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value)) facts.Add(new FactView(label, [new LinkView(Html.Escape(value), "")]));
        }
        void List(string label, IEnumerable<string> values, Func<string, string>? show = null)
        {
            var items = values.Select(v => new LinkView(Html.Escape(show is null ? v : show(v)), "")).ToList();
            if (items.Count > 0) facts.Add(new FactView(label, items));
        }
        void Links(string label, IEnumerable<Entry> targets)
        {
            var items = targets.Select(t => new LinkView(Html.Escape(t.Title), context.EntryLink(page, t))).ToList();
            if (items.Count > 0) facts.Add(new FactView(label, items));
        }
        void External(string label, string? url)
        {
            if (url is not null) facts.Add(new FactView(label, [new LinkView(Html.Escape(url), Html.Escape(url))]));
        }
        IEnumerable<Entry> Values() => entry.FieldList("values").Select(k => context.Site.ByKey.GetValueOrDefault(k)).OfType<Entry>();

        switch (entry.Kind)
        {
            case EntryKind.Project:
                Text("Region", entry.Field<string>("region"));
                Text("Country", entry.Field<string>("country"));
                Text("Status", Timeliness.StatusFact(entry));
                Text("Organisation", entry.Field<string>("organisation_type") is { } type ? Humanize.Value(type) : null);
                Text("Started", entry.Fields.TryGetValue("started", out var started) ? ((int)started).ToString(CultureInfo.InvariantCulture) : null);
                List("Populations", entry.FieldList("populations"));
                List("Support formats", entry.FieldList("support_formats"), Humanize.Value);
                List("Roles", entry.FieldList("roles"), Humanize.Value);
                List("Funding", entry.FieldList("funding"));
                External("Website", entry.Field<string>("website"));
                Links("Values", Values());
                break;
            case EntryKind.Value:
                List("Also called", entry.FieldList("also_called"));
                break;
            case EntryKind.History:
                Text("Date", entry.Field<HistoryDate>("date")?.Display);
                Text("Place", entry.Field<string>("place"));
                break;
            case EntryKind.Curriculum:
                Text("Audience", entry.Field<string>("audience"));
                Text("Duration", entry.Field<string>("duration"));
                Text("Delivery", entry.Field<string>("delivery") is { } delivery ? Humanize.Value(delivery) : null);
                Text("Accreditation", entry.Field<string>("accreditation"));
                Text("Provider", entry.Field<string>("provider"));
                if (entry.Fields.TryGetValue("peer_led", out var peerLed)) Text("Peer-led", (bool)peerLed ? "Yes" : "No");
                Links("Values", Values());
                break;
            case EntryKind.Module:
                Text("Duration", entry.Field<int>("duration_minutes") is > 0 and var minutes ? Humanize.Minutes(minutes) : null);
                if (context.Site.ByKey.TryGetValue($"curricula/{entry.CurriculumId}", out var curriculum)) Links("Part of", [curriculum]);
                Links("Values", Values());
                break;
            case EntryKind.Community:
                Text("Region", entry.Field<string>("region"));
                Text("Country", entry.Field<string>("country"));
                External("Website", entry.Field<string>("website"));
                Text("Contact", entry.Field<string>("contact"));
                List("Maintainers", entry.FieldList("maintainers"), h => "@" + h);
                break;
        }
        // When the facts date from leads the box: "Facts as of 2012".
        if (Timeliness.AsOf(entry) is { } year) facts.Insert(0, new FactView("Facts as of", [new LinkView(year, "")]));
        return facts;
    }
}
