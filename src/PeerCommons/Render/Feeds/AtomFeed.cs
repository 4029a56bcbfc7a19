using System.Globalization;
using System.Text;
using System.Xml;
using PeerCommons.Model;

namespace PeerCommons.Render.Feeds;

/// <summary>
/// feed.xml: the most recently updated entries (those with an 'updated' date). Links are relative
/// to the feed (Atom resolves them against the feed's address) unless base_url is set.
/// Dates come from content, never the clock, so two builds are byte-identical.
/// </summary>
public static class AtomFeed
{
    public static byte[] Write(Site site, IEnumerable<Entry> candidates, string feedPath, string title, int maxEntries, Func<Entry, string> voice) =>
        WriteSelected(site, Select(candidates, maxEntries), feedPath, title, voice);

    /// <summary>
    /// The entries a feed shows: the most recently updated, newest first (then by key, then in the
    /// order given). Only the newest <paramref name="maxEntries"/> are kept while the candidates go by
    /// (<see cref="NewestFirst"/>): serve chooses again after every title edit, and sorting all 10,000
    /// entries to show 20 was most of that choice.
    /// </summary>
    public static IReadOnlyList<Entry> Select(IEnumerable<Entry> candidates, int maxEntries) =>
        NewestFirst.Take(candidates.Where(e => e.Updated is not null), maxEntries);

    /// <summary>
    /// The feed of entries <see cref="Select"/> chose. Everything it writes comes from those entries and
    /// site.yaml, so the same entries (the very same objects) make the same feed.
    /// <paramref name="voice"/> gives an annotation's provenance label (<see cref="AnnotationVoice"/>):
    /// a feed reader shows it as the entry's author and at the start of its summary.
    /// </summary>
    public static byte[] WriteSelected(Site site, IReadOnlyList<Entry> entries, string feedPath, string title, Func<Entry, string> voice)
    {
        var baseUrl = site.Config.BaseUrl;
        string Link(string path) => baseUrl is null ? SitePaths.Relative(feedPath, path) : baseUrl + SitePaths.FileOf(path).Replace("index.html", "");
        string Id(string key) => baseUrl is null ? $"urn:peercommons:{key}" : baseUrl + key + "/";

        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteSafeElement("title", title);
            xml.WriteSafeElement("id", Id(feedPath));
            xml.WriteSafeElement("updated", Timestamp(entries.Count > 0 ? entries[0].Updated!.Value : new DateOnly(2000, 1, 1)));
            WriteLink(xml, Link(""), "alternate");
            WriteLink(xml, Link(feedPath), "self");
            xml.WriteStartElement("author");
            xml.WriteSafeElement("name", site.Config.Title);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry");
                xml.WriteSafeElement("title", entry.Title.Length > 0 ? entry.Title : entry.Key);
                xml.WriteSafeElement("id", Id(entry.Key));
                xml.WriteSafeElement("updated", Timestamp(entry.Updated!.Value));
                var url = entry.Kind == EntryKind.Annotation
                    ? entry.Url + "#" + EntryPageBuilder.AnchorOf(entry)
                    : entry.Url;
                WriteLink(xml, Link(url), "alternate");
                xml.WriteStartElement("category");
                xml.WriteSafeAttribute("term", entry.Kind.Label());
                xml.WriteEndElement();
                if (entry.Kind == EntryKind.Annotation)
                {
                    var label = voice(entry);
                    xml.WriteStartElement("author");
                    xml.WriteSafeElement("name", AnnotationVoice.ByEditors(entry, site) ? $"{site.Config.Title} editors" : CommunityTitle(entry, site));
                    xml.WriteEndElement();
                    xml.WriteSafeElement("summary", entry.Summary.Length > 0 ? $"{label}. {entry.Summary}" : label + ".");
                }
                else if (entry.Summary.Length > 0) xml.WriteSafeElement("summary", entry.Summary);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static string CommunityTitle(Entry annotation, Site site) =>
        site.ByKey.GetValueOrDefault($"communities/{annotation.CommunityId}")?.Title ?? annotation.CommunityId ?? "";

    private static void WriteLink(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link");
        xml.WriteSafeAttribute("rel", rel);
        xml.WriteSafeAttribute("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";
}
