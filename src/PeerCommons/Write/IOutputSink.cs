namespace PeerCommons.Write;

/// <summary>Where rendered files go: a staging folder for build, nowhere for check. Thread-safe.</summary>
public interface IOutputSink
{
    /// <param name="path">Path below the site root with '/' separators.</param>
    void Write(string path, ReadOnlySpan<byte> bytes);

    IReadOnlyDictionary<string, long> Sizes { get; }
}
