using System.IO.Compression;
using System.Text;
using System.Text.Json;
using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Search;
using PeerCommons.Write;

namespace PeerCommons.Index;

/// <summary>
/// The index stage: a lunr.js 2.x index of every page and annotation, built by PeerCommons.Search,
/// shipped with a compact store of what results show, as one script (search/search-index.js) that
/// defines it, so search works from file:// too. Refs are short (base-36 positions in the store)
/// because lunr repeats the ref in every posting; the store carries titles, URLs and snippets.
/// </summary>
public static class SearchIndexStage
{
    public const string ScriptPath = "search/search-index.js";
    private const int MaxBodyChars = 3000;
    private const int SnippetChars = 220;

    public sealed record Payload(long RawBytes, long GzipBytes, int Documents);

    public static Payload Write(RenderContext context, IOutputSink sink)
    {
        var site = context.Site;
        var builder = new LunrIndexBuilder { Ref = "id" }
            .Field("title", 10)
            .Field("tags", 5)
            .Field("body");
        var store = new List<object?[]>();

        var documents = site.Pages.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Concat(site.Entries.Where(e => e.Kind == EntryKind.Annotation && e.AnnotationTargetKey is { } t && site.ByKey.ContainsKey(t))
                .OrderBy(e => e.Key, StringComparer.Ordinal));
        foreach (var entry in documents)
        {
            var body = PlainText.Of(context.Parsed.Of(entry), MaxBodyChars);
            var reference = Base36(store.Count);
            builder.Add(reference, new Dictionary<string, string?>
            {
                ["title"] = entry.Title,
                ["tags"] = string.Join(' ', entry.Tags),
                // The summary leads the body: one field less means one field vector less per document.
                ["body"] = entry.Summary + "\n" + body,
            });
            var isAnnotation = entry.Kind == EntryKind.Annotation;
            var target = isAnnotation ? site.ByKey[entry.AnnotationTargetKey!] : entry;
            var url = target.Url + (isAnnotation ? "#" + EntryPageBuilder.AnchorOf(entry) : "");
            var community = isAnnotation ? site.ByKey.GetValueOrDefault($"communities/{entry.CommunityId}") : null;
            store.Add(
            [
                isAnnotation && entry.Title.Length == 0 ? $"Note on {target.Title}" : entry.Title,
                SitePaths.FileOf(url.Split('#')[0]) + (url.Contains('#') ? url[url.IndexOf('#')..] : ""),
                entry.Kind.Label(),
                Snippet(entry.Summary.Length > 0 ? entry.Summary : body),
                string.Join(' ', entry.Tags),
                community?.Id,
                community?.Title,
                isAnnotation ? target.Title : null,
            ]);
        }

        var index = builder.Build();
        using var buffer = new MemoryStream();
        buffer.Write("window.PeerCommonsSearch={\"fields\":[\"title\",\"url\",\"kind\",\"snippet\",\"tags\",\"community\",\"communityTitle\",\"target\"],\"index\":"u8);
        index.WriteJson(buffer);
        buffer.Write(",\"store\":"u8);
        buffer.Write(JsonSerializer.SerializeToUtf8Bytes(store));
        buffer.Write("};\n"u8);
        var bytes = buffer.ToArray();
        sink.Write(ScriptPath, bytes);
        return new Payload(bytes.Length, GzipLength(bytes), store.Count);
    }

    private static string Snippet(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= SnippetChars) return flat;
        var cut = flat.LastIndexOf(' ', SnippetChars);
        return flat[..(cut > 0 ? cut : SnippetChars)] + "…";
    }

    private static string Base36(int n)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (n == 0) return "0";
        var text = new StringBuilder();
        for (; n > 0; n /= 36) text.Insert(0, digits[n % 36]);
        return text.ToString();
    }

    public static long GzipLength(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(bytes);
        return output.Length;
    }
}
