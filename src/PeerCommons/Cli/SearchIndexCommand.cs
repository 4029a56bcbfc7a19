using System.CommandLine;
using PeerCommons.Search;

namespace PeerCommons.Cli;

/// <summary>
/// <c>peercommons search-index --input docs.json --output index.json --ref id --field title:10 --field body</c>:
/// the lunr.js-compatible index builder on its own, for other sites and for conformance checks.
/// </summary>
public static class SearchIndexCommand
{
    public static Command Create(Func<Func<int>, int> guarded)
    {
        var input = new Option<string>("--input") { Description = "JSON array of documents", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write the lunr index JSON ('-' for standard output)", Required = true };
        var reference = new Option<string>("--ref") { Description = "Field that identifies each document", DefaultValueFactory = _ => "id" };
        var fields = new Option<string[]>("--field") { Description = "A field to index, optionally with a boost: title:10", Required = true, AllowMultipleArgumentsPerToken = false };
        var command = new Command("search-index", "Build a lunr.js 2.3.9 index from a JSON array of documents") { input, output, reference, fields };
        command.SetAction(parse => guarded(() => SearchIndexTool.Run(
            parse.GetValue(input)!, parse.GetValue(output)!, parse.GetValue(reference)!, parse.GetValue(fields) ?? [])));
        return command;
    }
}
