using System.Text.Json;
using PeerCommons.Pipeline;

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
            } : null,
            pageWeights = result.PageWeights.Select(w => new { page = w.Page, htmlGzipBytes = w.HtmlGzipBytes, cssGzipBytes = w.CssGzipBytes, jsGzipBytes = w.JsGzipBytes, totalGzipBytes = w.TotalGzipBytes }).ToList(),
            output = result.Files.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new { path = f.Key, bytes = f.Value }).ToList(),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
    }
}
