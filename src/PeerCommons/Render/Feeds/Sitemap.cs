using System.Globalization;
using System.Text;
using System.Xml;

namespace PeerCommons.Render.Feeds;

/// <summary>
/// sitemap.xml of every public page. The sitemap protocol wants absolute addresses, so they are
/// absolute when site.yaml gives base_url, and paths from the site root otherwise.
/// </summary>
public static class Sitemap
{
    public static byte[] Write(IEnumerable<(string Page, DateOnly? Updated)> pages, string? baseUrl)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var (page, updated) in pages.OrderBy(p => p.Page, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url");
                xml.WriteSafeElement("loc", (baseUrl ?? "") + page);
                if (updated is { } date) xml.WriteSafeElement("lastmod", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }
}
