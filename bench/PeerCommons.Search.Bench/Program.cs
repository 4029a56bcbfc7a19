// Builds a lunr index from a JSON array of documents with PeerCommons.Search, like `peercommons search-index`,
// and reports the time of each phase. Run under /usr/bin/time -v by bench/search/run.sh.
// usage: PeerCommons.Search.Bench input.json output.json ref field[:boost]...
using System.Diagnostics;
using PeerCommons.Search;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: PeerCommons.Search.Bench input.json output.json ref field[:boost]...");
    return 2;
}

var total = Stopwatch.StartNew();
var bytes = File.ReadAllBytes(args[0]);
var read = total.Elapsed;
var builder = LunrIndexBuilder.FromJsonDocuments(bytes, args[2], args.Skip(3).Select(FieldSpec.Parse));
bytes = [];
var added = total.Elapsed;
var index = builder.Build();
var built = total.Elapsed;
using (var fs = new FileStream(args[1], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
{
    index.WriteJson(fs);
}
var written = total.Elapsed;
Console.WriteLine($"csharp: {index.DocumentCount} documents, {index.TermCount} terms; read {read.TotalSeconds:F2}s, add {(added - read).TotalSeconds:F2}s, " +
                  $"build {(built - added).TotalSeconds:F2}s, write {(written - built).TotalSeconds:F2}s, total {written.TotalSeconds:F2}s");
return 0;
