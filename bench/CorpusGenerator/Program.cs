// Benchmark corpus generator: a deterministic PeerCommons content folder (same seed -> byte-identical
// files) and, optionally, the same corpus as a Hugo site's content/ and data/ (--hugo-out).
//
//   dotnet run --project bench/CorpusGenerator -c Release -- --entries 1000 --seed 42 --out /tmp/corpus-1000 [--hugo-out /tmp/hugo-1000]

var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: corpus-generator --entries N [--seed S] --out DIR [--hugo-out DIR]");
    return 2;
}

var corpus = new CorpusBuilder(options.Entries, options.Seed).Build();
var writer = new CorpusWriter(corpus);
var files = writer.WritePeerCommons(options.Out);
Console.WriteLine($"wrote {files} files ({corpus.Entries.Count} entries incl. {corpus.Count("module")} modules and {corpus.Count("annotation")} annotations, {corpus.Sources.Count} sources) to {options.Out}");
if (options.HugoOut is { } hugo)
{
    var hugoFiles = writer.WriteHugo(hugo);
    Console.WriteLine($"wrote {hugoFiles} Hugo files to {hugo}");
}
return 0;
