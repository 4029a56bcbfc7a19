using PeerCommons.Model;
using PeerCommons.Render;
using PeerCommons.Render.Propose;
using PeerCommons.Write;

namespace PeerCommons.Engine;

/// <summary>
/// The propose form's data (<see cref="ProposeFormData"/>: the core script and its parts). build and
/// check write it all at once. In serve each file is a reader of its own (<see cref="PageDependencies"/>),
/// written again when its reads changed: a part reads the entries it shows (a title edit makes again
/// the part of keys and the part of headings that hold the entry, not the 193 parts of 10,000
/// entries), the core script the communities, the curricula and the set of keys. Which parts there
/// are, and which keys each holds, is a reader too (<c>propose:*</c>, the set of keys): when it changed,
/// parts that are new or hold other keys are written, and parts that are gone leave the served site.
/// </summary>
internal sealed class IncrementalProposeData(PageDependencies? dependencies)
{
    public const string Reader = "propose:";
    private const string LayoutReader = Reader + "*";
    private const string CoreReader = Reader + ProposeFormData.ScriptPath;

    /// <summary>The parts served now, by path (after a commit).</summary>
    private Dictionary<string, ProposeParts.Part> _served = new(StringComparer.Ordinal);
    /// <summary>The parts of the last rebuild, served once it is committed.</summary>
    private Dictionary<string, ProposeParts.Part>? _made;

    /// <summary>Writes what the plan needs; returns the files of parts that are gone.</summary>
    public IReadOnlyList<string> Write(RenderPlan plan, RenderContext context, ReadPrints prints, IOutputSink sink)
    {
        _made = null;
        if (dependencies is null)
        {
            if (plan.All) foreach (var (path, bytes) in ProposeFormData.Files(context)) sink.Write(path, bytes);
            return [];
        }
        if (plan.All || plan.Readers.Contains(CoreReader))
            dependencies.Make(CoreReader, prints, () => sink.Write(ProposeFormData.ScriptPath, ProposeFormData.Script(context)));

        var parts = _served;
        if (plan.All || plan.Readers.Contains(LayoutReader))
        {
            IReadOnlyList<ProposeParts.Part> layout = [];
            dependencies.Make(LayoutReader, prints, () => layout = ProposeParts.Layout(context.Site));
            parts = layout.ToDictionary(p => p.Path, StringComparer.Ordinal);
            _made = parts;
        }
        foreach (var (path, part) in parts)
        {
            var changed = plan.All || !_served.TryGetValue(path, out var before) || !before.Keys.SequenceEqual(part.Keys, StringComparer.Ordinal)
                || plan.Readers.Contains(Reader + path);
            if (changed) dependencies.Make(Reader + path, prints, () => sink.Write(path, ProposeParts.Write(part, context)));
        }
        return _served.Keys.Where(path => !parts.ContainsKey(path)).ToList();
    }

    /// <summary>After a commit: the parts of that rebuild are served, and those it left out are forgotten.</summary>
    public void Committed()
    {
        if (_made is null) return;
        // Forgotten only now: a rebuild that is not served leaves the served parts' reads in place for the next one.
        foreach (var path in _served.Keys.Where(path => !_made.ContainsKey(path))) dependencies?.Forget(Reader + path);
        _served = _made;
        _made = null;
    }
}
