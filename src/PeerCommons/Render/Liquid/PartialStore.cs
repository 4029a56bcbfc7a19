using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace PeerCommons.Render.Liquid;

/// <summary>
/// The theme's partials, read once when the theme loads (and checked then), served from memory to
/// Fluid's {% render 'name' %}, which parses each once into its template cache. Pages then never
/// touch the disk for a partial, and a partial edited during a build cannot change half of the site.
/// </summary>
internal sealed class PartialStore : IFileProvider
{
    private static readonly DateTimeOffset Loaded = DateTimeOffset.UnixEpoch;
    private readonly Dictionary<string, string> _partials = new(StringComparer.Ordinal);

    /// <summary>Adds a partial under the name {% render %} asks for ("footer.liquid").</summary>
    public void Add(string fileName, string text) => _partials[fileName] = text;

    public bool Contains(string name) => _partials.ContainsKey(name + ".liquid") || _partials.ContainsKey(name);

    public IFileInfo GetFileInfo(string subpath) =>
        _partials.TryGetValue(subpath, out var text) ? new PartialFile(subpath, text) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class PartialFile(string name, string text) : IFileInfo
    {
        public bool Exists => true;
        public long Length => text.Length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => Loaded;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
    }
}
