using System.Text.Json;

namespace PeerCommons.Search;

/// <summary>The <c>peercommons search-index</c> command: a JSON array of documents in, a lunr.js 2.3.9 index out.</summary>
public static class SearchIndexTool
{
    /// <summary>
    /// Reads <paramref name="inputPath"/> (a JSON array of objects), indexes each document under
    /// <paramref name="refField"/> with the given fields (<c>name</c> or <c>name:boost</c>), and writes the
    /// serialized lunr index to <paramref name="outputPath"/> ("-" for standard output).
    /// </summary>
    /// <returns>0 on success, 1 for bad input (unreadable file, invalid JSON, a document without its
    /// reference), 2 for bad arguments.</returns>
    public static int Run(string inputPath, string outputPath, string refField, IEnumerable<string> fieldSpecs,
        TextWriter? stdout = null, TextWriter? stderr = null)
    {
        stdout ??= Console.Out;
        stderr ??= Console.Error;

        if (string.IsNullOrWhiteSpace(inputPath)) return Usage(stderr, "missing --input (a JSON array of documents)");
        if (string.IsNullOrWhiteSpace(outputPath)) return Usage(stderr, "missing --output (where to write the index JSON)");
        if (string.IsNullOrWhiteSpace(refField)) return Usage(stderr, "missing --ref (the document property used as reference)");

        var fields = new List<FieldSpec>();
        foreach (var spec in fieldSpecs ?? [])
        {
            try
            {
                var parsed = FieldSpec.Parse(spec);
                if (fields.Any(f => f.Name == parsed.Name)) return Usage(stderr, $"field '{parsed.Name}' is given twice");
                fields.Add(parsed);
            }
            catch (FormatException ex)
            {
                return Usage(stderr, ex.Message);
            }
        }
        if (fields.Count == 0) return Usage(stderr, "give at least one --field (name or name:boost)");

        byte[] input;
        try
        {
            input = File.ReadAllBytes(inputPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine($"search-index: cannot read '{inputPath}': {ex.Message}");
            return 1;
        }

        LunrIndex index;
        try
        {
            var builder = LunrIndexBuilder.FromJsonDocuments(input, refField, fields);
            index = builder.Build();
        }
        catch (JsonException ex)
        {
            stderr.WriteLine($"search-index: '{inputPath}' is not valid JSON: {ex.Message}");
            return 1;
        }
        catch (InvalidDataException ex)
        {
            stderr.WriteLine($"search-index: '{inputPath}': {ex.Message}");
            return 1;
        }

        long bytes;
        try
        {
            if (outputPath == "-")
            {
                using var stdoutStream = Console.OpenStandardOutput();
                index.WriteJson(stdoutStream);
                bytes = -1;
            }
            else
            {
                var dir = Path.GetDirectoryName(Path.GetFullPath(outputPath));
                if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
                using (var fs = new FileStream(outputPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    index.WriteJson(fs);
                }
                bytes = new FileInfo(outputPath).Length;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            stderr.WriteLine($"search-index: cannot write '{outputPath}': {ex.Message}");
            return 1;
        }

        if (bytes >= 0)
            stdout.WriteLine($"search-index: {index.DocumentCount} documents, {index.TermCount} terms, fields {string.Join(", ", fields.Select(f => f.Boost == 1 ? f.Name : $"{f.Name}^{f.Boost}"))} -> {outputPath} ({bytes} bytes)");
        return 0;
    }

    private static int Usage(TextWriter stderr, string message)
    {
        stderr.WriteLine($"search-index: {message}");
        stderr.WriteLine("usage: peercommons search-index --input docs.json --output index.json --ref id --field title:10 --field body");
        return 2;
    }
}
