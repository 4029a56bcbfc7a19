// Writes the documents the site's search indexes (every page and every annotation with a target, as
// SearchIndexStage picks them) as a JSON array for lunr.js: { path, title, body }, where path is the
// result's URL (the page, or the page#anchor of an annotation), title the entry's title and body its
// summary followed by the FULL plain text of its Markdown (SearchIndexStage's own PlainText, without the
// 3,000-character cut the site's index makes). This is what "lunr.js's own index of the same documents,
// with path refs" means in bench/search/payload.sh.
//
// usage: dotnet run --project bench/search/ExportDocs -c Release -- CONTENT_DIR OUT.json
using System.Text.Json;
using PeerCommons.Diagnostics;
using PeerCommons.Index;
using PeerCommons.Load;
using PeerCommons.Model;
using PeerCommons.Render;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ExportDocs CONTENT_DIR OUT.json");
    return 2;
}
var diagnostics = new DiagnosticBag();
var site = ContentLoader.Load(args[0], diagnostics);
var parsed = MarkdownStage.Parse(site, diagnostics);
var documents = site.Pages.OrderBy(e => e.Key, StringComparer.Ordinal)
    .Concat(site.Entries.Where(e => e.Kind == EntryKind.Annotation && e.AnnotationTargetKey is { } t && site.ByKey.ContainsKey(t))
        .OrderBy(e => e.Key, StringComparer.Ordinal));

using var stream = File.Create(args[1]);
using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
json.WriteStartArray();
var count = 0;
foreach (var entry in documents)
{
    var isAnnotation = entry.Kind == EntryKind.Annotation;
    var target = isAnnotation ? site.ByKey[entry.AnnotationTargetKey!] : entry;
    var path = SitePaths.FileOf(target.Url) + (isAnnotation ? "#" + EntryPageBuilder.AnchorOf(entry) : "");
    json.WriteStartObject();
    json.WriteString("path", path);
    json.WriteString("title", entry.Title);
    json.WriteString("body", entry.Summary + "\n" + PlainText.Of(parsed.Of(entry), int.MaxValue));
    json.WriteEndObject();
    count++;
}
json.WriteEndArray();
json.Flush();
Console.WriteLine($"exported {count} documents to {args[1]}");
return 0;
