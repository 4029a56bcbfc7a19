using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>Finds where a field (or one item of a list field) was written, for diagnostics.</summary>
public static class FrontMatterPosition
{
    public static (int Line, int Column) Of(Entry entry, string field, int item = -1)
    {
        var found = entry.File.FrontMatter.Find(field);
        if (found is null) return (entry.File.FrontMatter.Line, 1);
        if (item >= 0 && found.Value is YSequence sequence && item < sequence.Items.Count)
            return (sequence.Items[item].Line, sequence.Items[item].Column);
        return found.Value is YScalar scalar ? (scalar.Line, scalar.Column) : (found.Key.Line, found.Key.Column);
    }
}
