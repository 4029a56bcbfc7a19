namespace PeerCommons.Write;

/// <summary>Where rendered files go: a staging folder for build, nowhere for check. Thread-safe.</summary>
public interface IOutputSink
{
    /// <param name="path">Path below the site root with '/' separators.</param>
    void Write(string path, ReadOnlySpan<byte> bytes);

    /// <summary>
    /// Writes as <see cref="Write"/> does; true when the file was not written but carried over from the
    /// previous output, which held exactly these bytes at this path (<see cref="PreviousOutput"/>).
    /// </summary>
    bool WriteOrCarryOver(string path, ReadOnlySpan<byte> bytes)
    {
        Write(path, bytes);
        return false;
    }

    IReadOnlyDictionary<string, long> Sizes { get; }
}
