using Markdig.Syntax;
using PeerCommons.Model;

namespace PeerCommons.Engine;

/// <summary>
/// Rendering still resolves links and citations inside the parsed Markdown trees, so a document
/// rendered once must be parsed again before its next render. All of that handling is here, in
/// one place, to be deleted once parsed Markdown is read-only.
/// </summary>
internal sealed class DocumentReparse
{
    /// <summary>Documents already rendered once.</summary>
    private HashSet<MarkdownDocument> _consumed = new(ReferenceEqualityComparer.Instance);

    public void Reset() => _consumed = new HashSet<MarkdownDocument>(ReferenceEqualityComparer.Instance);

    public void Forget(MarkdownDocument document) => _consumed.Remove(document);

    /// <summary>
    /// Gives every document these pages will render a fresh parse, then marks them rendered.
    /// <paramref name="used"/> is every entry whose document the pages use (their own, their annotations', a curriculum's modules').
    /// </summary>
    public void BeforeRender(Dictionary<Entry, MarkdownDocument> documents, IReadOnlyCollection<Entry> used)
    {
        var stale = used.Where(e => !documents.TryGetValue(e, out var d) || _consumed.Contains(d)).ToList();
        var fresh = new MarkdownDocument[stale.Count];
        Parallel.For(0, stale.Count, i => fresh[i] = ContentModel.Parse(stale[i]));
        for (var i = 0; i < stale.Count; i++)
        {
            if (documents.TryGetValue(stale[i], out var old)) _consumed.Remove(old);
            documents[stale[i]] = fresh[i];
        }
        foreach (var entry in used) if (documents.TryGetValue(entry, out var d)) _consumed.Add(d);
    }
}
