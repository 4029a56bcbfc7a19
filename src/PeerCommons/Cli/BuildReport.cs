using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PeerCommons.Pipeline;
using PeerCommons.Write;

namespace PeerCommons.Cli;

/// <summary>
/// build-report.json, written beside the output folder (not inside it, so the site stays
/// byte-identical between builds): every file with its bytes, warnings, and time per stage.
/// </summary>
public static class BuildReport
{
    public static string PathFor(string outputDirectory) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "build-report.json");

    public static void Write(BuildResult result, string path)
    {
        var report = new
        {
            succeeded = result.Succeeded,
            pages = result.Pages,
            files = result.Files.Count,
            totalBytes = result.Files.Values.Sum(),
            errors = result.ErrorCount,
            warnings = result.Diagnostics.Where(d => d.Severity == Diagnostics.Severity.Warning).Select(d => d.ToString()).ToList(),
            stagesMs = result.Stages.ToDictionary(s => s.Stage, s => Math.Round(s.Elapsed.TotalMilliseconds, 1)),
            totalMs = Math.Round(result.Total.TotalMilliseconds, 1),
            search = result.Search is { } search ? new
            {
                documents = search.Documents, terms = search.Terms, parts = search.Parts, rawBytes = search.RawBytes,
                manifestGzipBytes = search.ManifestGzipBytes, partGzipMedian = search.PartGzipMedian, partGzipMax = search.PartGzipMax,
                firstSearchGzipBytes = search.FirstSearchGzipBytes, termListGzipBytes = search.TermListGzipBytes,
                facetsGzipBytes = search.FacetsGzipBytes, documentGzipMedian = search.DocumentGzipMedian, documentGzipMax = search.DocumentGzipMax,
                // documentGzip* measure a file of search/docs/, which holds documentsPerPart documents.
                documentsPerPart = search.DocumentsPerPart, documentParts = search.DocumentParts,
            } : null,
            pageWeightsMethod = PreviousPageWeights.Method,
            pageWeights = result.PageWeights.Select(w => new
            {
                page = w.Page, htmlGzipBytes = w.HtmlGzipBytes, cssGzipBytes = w.CssGzipBytes, jsGzipBytes = w.JsGzipBytes, totalGzipBytes = w.TotalGzipBytes,
                htmlBytes = w.HtmlBytes, htmlCheck = w.HtmlCheck.ToString("x16", CultureInfo.InvariantCulture),
            }).ToList(),
            output = result.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new { path = f.Key, bytes = f.Value }).ToList(),
        };
        // Streamed to the file, not made into one string first: at 10,000 entries the report is 10.7 MB, and
        // the string (21 MB) with the serializer's doubling buffers went to the large object heap just as the
        // build ended, which often set off a full collection of the whole 1.6 GB heap (0.3-0.46 s of pause).
        using var file = File.Create(path);
        JsonSerializer.Serialize(file, report, new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// The page weights of the report at <paramref name="path"/>, for the next build to take where a
    /// page's bytes did not change; null when there is no report, it cannot be read, or it was written
    /// by another version or measured another way. Never an error: without it every page is gzipped.
    /// </summary>
    public static PreviousPageWeights? ReadPageWeights(string path)
    {
        try
        {
            if (!File.Exists(path)) return null;
            using var file = File.OpenRead(path);
            var report = JsonSerializer.Deserialize<WeightsPart>(file);
            if (report?.PageWeightsMethod != PreviousPageWeights.Method || report.PageWeights is not { } pages) return null;
            var entries = new Dictionary<string, PreviousPageWeights.Entry>(StringComparer.Ordinal);
            foreach (var page in pages)
                if (page is { Page: { } name, HtmlBytes: { } bytes, HtmlGzipBytes: { } gzip }
                    && ulong.TryParse(page.HtmlCheck, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var check))
                    entries[name] = new PreviousPageWeights.Entry(bytes, gzip, check);
            return new PreviousPageWeights(entries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The part of the report <see cref="ReadPageWeights"/> reads; the rest is skipped.</summary>
    private sealed record WeightsPart(
        [property: JsonPropertyName("pageWeightsMethod")] string? PageWeightsMethod,
        [property: JsonPropertyName("pageWeights")] List<WeightEntry>? PageWeights);

    private sealed record WeightEntry(
        [property: JsonPropertyName("page")] string? Page,
        [property: JsonPropertyName("htmlBytes")] long? HtmlBytes,
        [property: JsonPropertyName("htmlGzipBytes")] long? HtmlGzipBytes,
        [property: JsonPropertyName("htmlCheck")] string? HtmlCheck);
}
