using System.Text.Json;

namespace PeerCommons.TestSupport;

/// <summary>One section of a document in the search store: id and heading are null for the text before the first heading.</summary>
public sealed record StoredSection(string? Id, string? Heading, string Text);

/// <summary>One document of the search store as the site ships it (search/docs/&lt;part&gt;.js), with its ref.</summary>
public sealed record StoredDocument(
    int Ref, string Title, string Url, string Kind, string Summary, string[] Tags,
    string? Community, string? CommunityTitle, string? Target, string? Voice, StoredSection[] Sections);

/// <summary>Reads the search store's parts of a built site back, as the browser would register them.</summary>
public static class SearchStoreFiles
{
    /// <summary>Every document, in ref order, from search/docs/*.js (as many as facets.js says there are).</summary>
    public static IReadOnlyList<StoredDocument> Read(string siteDirectory)
    {
        using var facets = Facets(siteDirectory);
        var count = facets.RootElement.GetProperty("count").GetInt32();
        var perPart = facets.RootElement.GetProperty("perPart").GetInt32();
        var documents = new List<StoredDocument>();
        for (var part = 0; part * perPart < count; part++)
        {
            var (key, json) = Registered(Path.Combine(siteDirectory, "search", "docs", Base36(part) + ".js"), "PeerCommonsSearchDocs");
            if (key != part * perPart) throw new InvalidDataException($"docs part {part} registers as {key}");
            using var rows = JsonDocument.Parse(json);
            foreach (var row in rows.RootElement.EnumerateArray())
                documents.Add(Document(documents.Count, row));
        }
        return documents;
    }

    /// <summary>search/facets.js as JSON.</summary>
    public static JsonDocument Facets(string siteDirectory)
    {
        var script = File.ReadAllText(Path.Combine(siteDirectory, "search", "facets.js"));
        const string prefix = "window.PeerCommonsSearchFacets=";
        if (!script.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidDataException("facets.js does not register itself");
        return JsonDocument.Parse(script[prefix.Length..].TrimEnd().TrimEnd(';'));
    }

    /// <summary>The refs a tag part lists (delta-coded in the file).</summary>
    public static IReadOnlyList<int> Tagged(string siteDirectory, int tag)
    {
        var (key, json) = Registered(Path.Combine(siteDirectory, "search", "tags", Base36(tag) + ".js"), "PeerCommonsSearchTags");
        if (key != tag) throw new InvalidDataException($"tag part {tag} registers as {key}");
        var refs = new List<int>();
        var n = 0;
        foreach (var delta in JsonSerializer.Deserialize<int[]>(json)!) refs.Add(n += delta);
        return refs;
    }

    /// <summary>"(window.X=window.X||{})[key]=json;" into key and json.</summary>
    private static (int Key, string Json) Registered(string file, string global)
    {
        var script = File.ReadAllText(file);
        var prefix = $"(window.{global}=window.{global}||{{}})[";
        if (!script.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidDataException(file + " does not register itself on " + global);
        var close = script.IndexOf("]=", prefix.Length, StringComparison.Ordinal);
        return (int.Parse(script[prefix.Length..close]), script[(close + 2)..].TrimEnd().TrimEnd(';'));
    }

    private static StoredDocument Document(int reference, JsonElement row)
    {
        string? S(int i) => row[i].ValueKind == JsonValueKind.String ? row[i].GetString() : null;
        return new StoredDocument(reference, S(0)!, S(1)!, S(2)!, S(3) ?? "",
            row[4].EnumerateArray().Select(t => t.GetString()!).ToArray(), S(5), S(6), S(7), S(8),
            row[9].EnumerateArray().Select(s => new StoredSection(
                s[0].ValueKind == JsonValueKind.String ? s[0].GetString() : null,
                s[1].ValueKind == JsonValueKind.String ? s[1].GetString() : null,
                s[2].GetString()!)).ToArray());
    }

    public static string Base36(int n)
    {
        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        if (n == 0) return "0";
        var text = "";
        for (; n > 0; n /= 36) text = digits[n % 36] + text;
        return text;
    }
}
