namespace PeerCommons.Model;

/// <summary>
/// A minimal YAML tree that remembers where every node starts, so diagnostics can point at
/// the offending key or list item. Aliases are never expanded (see <see cref="YamlTreeReader"/>).
/// </summary>
public abstract record YNode(int Line, int Column);

public sealed record YScalar(string Value, bool Quoted, int Line, int Column) : YNode(Line, Column)
{
    /// <summary>An unquoted <c>~</c>, <c>null</c> or empty scalar is YAML's null.</summary>
    public bool IsNull => !Quoted && Value is "" or "~" or "null" or "Null" or "NULL";
}

public sealed record YSequence(IReadOnlyList<YNode> Items, int Line, int Column) : YNode(Line, Column);

public sealed record YEntry(YScalar Key, YNode Value);

public sealed record YMapping(IReadOnlyList<YEntry> Entries, int Line, int Column) : YNode(Line, Column)
{
    public YEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);
}
