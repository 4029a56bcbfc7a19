using PeerCommons.Model;

namespace PeerCommons.Validate;

/// <summary>Finds where a field (or one item of a list field) was written, for diagnostics.</summary>
public static class FrontMatterPosition
{
    public static (int Line, int Column) Of(Entry entry, string field, int item = -1) =>
        entry.File.FrontMatter.Of(field, item);
}
