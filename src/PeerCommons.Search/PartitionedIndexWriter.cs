using System.Security.Cryptography;
using System.Text;

namespace PeerCommons.Search;

/// <summary>
/// Writes a built <see cref="LunrIndex"/> as a partitioned index (FORMAT.md): a manifest, posting parts
/// holding runs of consecutive terms (in lunr's sorted order) with, for each document and field, the weight
/// lunr's field vector holds for the term, and a term list for the query forms that need every term.
/// theme/assets/search-reader.js reads it and answers queries exactly as lunr.js would from the whole index.
/// </summary>
public static class PartitionedIndexWriter
{
    /// <summary>The format's version, written in the manifest and checked by the reader.</summary>
    public const int FormatVersion = 1;

    /// <summary>The manifest's file name: the one fixed name, the search page's way in.</summary>
    public const string ManifestName = "index.js";

    /// <summary>Terms of at most this many UTF-16 code units are listed in the manifest (<c>short</c>).</summary>
    public const int ShortTermLength = 2;

    /// <summary>What every file of the index calls to register itself with the reader.</summary>
    private const string Register = "PeerCommonsSearchIndex.add(";

    public static PartitionedIndex Write(LunrIndex index, PartitionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        options ??= new PartitionOptions();
        // Postings carry weights only: matchData of an index without a whitelist is empty, and lunr repeats
        // a duplicate reference's postings while keeping only its last field vector, which no part can say.
        if (index.HasMetadata)
            throw new InvalidOperationException("a partitioned index holds no term metadata: leave the metadata whitelist empty");
        if (index.DocumentCount != index.ReferenceCount)
            throw new InvalidOperationException($"{index.DocumentCount - index.ReferenceCount} document reference(s) were added twice: a partitioned index needs each reference once");

        var terms = index.Terms.ToArray();
        var (bodies, boundaries, counts) = Pack(index, terms, Weights.Of(index), options.TargetPartBytes);
        var lexicon = Lexicon(terms);
        var folder = Stamp(bodies.Append(lexicon));

        var parts = bodies.Select((body, i) => new IndexFile($"{folder}/{i}.js", ParsedScript($"{folder}/{i}", body))).ToList();
        var termsFile = new IndexFile($"{folder}/terms.js", ParsedScript($"{folder}/terms", lexicon));
        var manifest = new IndexFile(ManifestName, Script("index", Manifest(index, folder, boundaries)));
        return new PartitionedIndex(manifest, parts, boundaries, termsFile, counts);
    }

    /// <summary>One term: <c>[term, _index, docs of field 0 (delta-coded), weights × 1000 of field 0, docs of field 1, …]</c>.</summary>
    private static void WriteRow(JsonOut json, IndexTerm term, int fieldCount, Weights weights)
    {
        json.Byte((byte)'[');
        json.String(term.Text);
        json.Byte((byte)',');
        json.Int(term.Index);
        for (var field = 0; field < fieldCount; field++)
        {
            var postings = weights.Postings(term.Index, field);
            if (postings.Length != term.Documents(field).Length)
                throw new InvalidOperationException($"term '{term.Text}' is in {term.Documents(field).Length} postings of field {field} but in {postings.Length} field vectors");
            json.Raw(",["u8);
            var previous = 0;
            for (var i = 0; i < postings.Length; i++)
            {
                if (i > 0) json.Byte((byte)',');
                json.Int(postings[i].Document - previous);
                previous = postings[i].Document;
            }
            json.Raw("],["u8);
            for (var i = 0; i < postings.Length; i++)
            {
                if (i > 0) json.Byte((byte)',');
                json.Int(postings[i].Weight);
            }
            json.Byte((byte)']');
        }
        json.Byte((byte)']');
    }

    /// <summary>
    /// Writes the terms' rows, packing consecutive rows into parts of about <paramref name="target"/> bytes.
    /// Each row is written into one buffer and copied into one part buffer, both kept from row to row and
    /// part to part: an array per row and a growing stream per part were about 80 MB of the 218 MB that
    /// writing the index allocated at 10,000 entries.
    /// </summary>
    private static (List<byte[]> Bodies, List<string> Boundaries, List<int> Counts) Pack(LunrIndex index, string[] terms, Weights weights, int target)
    {
        var bodies = new List<byte[]>();
        var boundaries = new List<string>();
        var counts = new List<int>();
        using var row = new MemoryStream();
        using var part = new MemoryStream();
        var inPart = 0;

        void Close()
        {
            part.WriteByte((byte)']');
            bodies.Add(part.ToArray());
            counts.Add(inPart);
            part.SetLength(0);
            inPart = 0;
        }

        for (var t = 0; t < terms.Length; t++)
        {
            row.SetLength(0);
            using (var json = new JsonOut(row)) { WriteRow(json, index.GetTerm(t), index.Fields.Count, weights); json.Flush(); }
            if (inPart > 0 && part.Length + row.Length + 2 > target) Close();
            if (inPart == 0)
            {
                boundaries.Add(t == 0 ? "" : Separator(terms[t - 1], terms[t]));
                part.WriteByte((byte)'[');
            }
            else part.WriteByte((byte)',');
            part.Write(row.GetBuffer(), 0, (int)row.Length);
            inPart++;
        }
        if (inPart > 0 || bodies.Count == 0)
        {
            if (inPart == 0) { boundaries.Add(""); part.WriteByte((byte)'['); }
            Close();
        }
        return (bodies, boundaries, counts);
    }

    /// <summary>The shortest prefix of <paramref name="next"/> that sorts after <paramref name="previous"/>
    /// (ordinal, as JavaScript compares strings), never ending inside a surrogate pair.</summary>
    internal static string Separator(string previous, string next)
    {
        for (var length = 1; length < next.Length; length++)
        {
            if (char.IsHighSurrogate(next[length - 1])) continue;
            var prefix = next[..length];
            if (string.CompareOrdinal(prefix, previous) > 0) return prefix;
        }
        return next;
    }

    /// <summary>Every term, sorted, front-coded: <c>[shared prefix length, rest, shared, rest, …]</c>.</summary>
    private static byte[] Lexicon(string[] terms)
    {
        using var buffer = new MemoryStream();
        using (var json = new JsonOut(buffer))
        {
            json.Byte((byte)'[');
            var previous = "";
            for (var t = 0; t < terms.Length; t++)
            {
                var shared = 0;
                var limit = Math.Min(previous.Length, terms[t].Length);
                while (shared < limit && previous[shared] == terms[t][shared]) shared++;
                if (shared > 0 && char.IsHighSurrogate(terms[t][shared - 1])) shared--;
                if (t > 0) json.Byte((byte)',');
                json.Int(shared);
                json.Byte((byte)',');
                json.String(terms[t][shared..]);
                previous = terms[t];
            }
            json.Byte((byte)']');
            json.Flush();
        }
        return buffer.ToArray();
    }

    private static byte[] Manifest(LunrIndex index, string folder, List<string> boundaries)
    {
        using var buffer = new MemoryStream();
        using (var json = new JsonOut(buffer))
        {
            json.Raw("{\"format\":"u8);
            json.Int(FormatVersion);
            json.Raw(",\"version\":"u8);
            json.String(LunrIndex.LunrVersion);
            json.Raw(",\"fields\":"u8);
            Strings(json, index.Fields);
            json.Raw(",\"pipeline\":"u8);
            Strings(json, LunrIndex.SearchPipeline);
            // References that are the base-36 numbers 0, 1, 2, … (the site's) need no list: the count says it all.
            if (IsBase36Sequence(index.References))
            {
                json.Raw(",\"documents\":"u8);
                json.Int(index.References.Count);
            }
            else
            {
                json.Raw(",\"refs\":"u8);
                Strings(json, index.References);
            }
            json.Raw(",\"folder\":"u8);
            json.String(folder);
            json.Raw(",\"bounds\":"u8);
            Strings(json, boundaries);
            // The few terms of one or two letters: a word's first letters, searched as the visitor types them,
            // are known not to be terms without loading a part (FORMAT.md, "Manifest").
            json.Raw(",\"short\":"u8);
            Strings(json, index.Terms.Where(term => term.Length <= ShortTermLength).ToList());
            json.Byte((byte)'}');
            json.Flush();
        }
        return buffer.ToArray();
    }

    private static void Strings(JsonOut json, IReadOnlyList<string> values)
    {
        json.Byte((byte)'[');
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0) json.Byte((byte)',');
            json.String(values[i]);
        }
        json.Byte((byte)']');
    }

    internal static bool IsBase36Sequence(IReadOnlyList<string> references)
    {
        for (var i = 0; i < references.Count; i++)
            if (references[i] != Base36(i)) return false;
        return true;
    }

    /// <summary>JavaScript's <c>n.toString(36)</c> (empty for a negative number).</summary>
    public static string Base36(int n)
    {
        // Called for every document (its ref, its store part's name) and once more per ref for the manifest.
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (n == 0) return "0";
        Span<char> text = stackalloc char[6]; // int.MaxValue has 6 base-36 digits
        var start = text.Length;
        for (; n > 0; n /= 36) text[--start] = digits[n % 36];
        return new string(text[start..]);
    }

    /// <summary>The parts' folder is named by their content, so a browser never mixes parts of two builds,
    /// and two builds of the same content name it alike.</summary>
    private static string Stamp(IEnumerable<byte[]> bodies)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var body in bodies) hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..10];
    }

    private static byte[] Script(string key, byte[] json)
    {
        var head = Encoding.UTF8.GetBytes(Register + "\"" + key + "\",");
        var script = new byte[head.Length + json.Length + 3];
        head.CopyTo(script, 0);
        json.CopyTo(script, head.Length);
        ");\n"u8.CopyTo(script.AsSpan(head.Length + json.Length));
        return script;
    }

    /// <summary>A script that registers <paramref name="json"/> through <c>JSON.parse("…")</c> rather than as a
    /// literal: browsers parse a large JSON string about three times faster than the same array written as
    /// script, which a keystroke that loads several parts of a large site feels. The registered data is the same.</summary>
    private static byte[] ParsedScript(string key, byte[] json)
    {
        var head = Encoding.UTF8.GetBytes(Register + "\"" + key + "\",JSON.parse(\"");
        var tail = "\"));\n"u8;
        // The JSON as a JavaScript string: quotes and backslashes escaped (JSON has no raw line breaks).
        // Sized first, so the script is one array of its exact length rather than a growing stream and its copy.
        var rest = json.AsSpan();
        var escapes = rest.Count((byte)'"') + rest.Count((byte)'\\');
        var script = new byte[head.Length + json.Length + escapes + tail.Length];
        head.CopyTo(script, 0);
        var written = head.Length;
        for (var at = rest.IndexOfAny((byte)'"', (byte)'\\'); at >= 0; at = rest.IndexOfAny((byte)'"', (byte)'\\'))
        {
            rest[..at].CopyTo(script.AsSpan(written));
            written += at;
            script[written++] = (byte)'\\';
            script[written++] = rest[at];
            rest = rest[(at + 1)..];
        }
        rest.CopyTo(script.AsSpan(written));
        tail.CopyTo(script.AsSpan(written + rest.Length));
        return script;
    }
}
