using System.CommandLine;
using System.Text;
using PeerCommons.Schema;

namespace PeerCommons.Cli;

/// <summary>
/// <c>peercommons schema [--docs FILE] [--json-schema DIR] [--check]</c>: writes the content model as a
/// document and as one JSON Schema per kind, both from the code, so neither can drift from it.
/// </summary>
public static class SchemaCommand
{
    /// <param name="guard">Turns an unexpected exception into a clear message and exit code (CommandLine.Guarded).</param>
    public static Command Create(Func<Func<int>, int> guard)
    {
        var docs = new Option<string?>("--docs") { Description = "Write the content model as Markdown to this file, such as docs/content-model.md" };
        var jsonSchema = new Option<string?>("--json-schema") { Description = "Write one JSON Schema (draft 2020-12) per kind into this folder" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if a file differs from what would be written" };
        var command = new Command("schema", "Write the content model (every kind, field and rule) as a document and as JSON Schemas")
            { docs, jsonSchema, check };
        command.SetAction(parse => guard(() =>
            Run(parse.GetValue(docs), parse.GetValue(jsonSchema), parse.GetValue(check), Console.Out, Console.Error)));
        return command;
    }

    /// <summary>Every file the command writes, by path.</summary>
    public static IEnumerable<(string Path, string Text)> Files(string? docs, string? jsonSchemaDirectory)
    {
        if (docs is not null) yield return (docs, ContentModelDocument.Write());
        if (jsonSchemaDirectory is null) yield break;
        foreach (var (name, json) in JsonSchemas.All()) yield return (Path.Combine(jsonSchemaDirectory, name), json);
    }

    public static int Run(string? docs, string? jsonSchemaDirectory, bool checkOnly, TextWriter output, TextWriter error)
    {
        if (docs is null && jsonSchemaDirectory is null)
        {
            error.WriteLine("error: say what to write: --docs docs/content-model.md, --json-schema <folder>, or both");
            return ExitCodes.UsageOrIo;
        }
        var stale = 0;
        foreach (var (path, text) in Files(docs, jsonSchemaDirectory))
        {
            var current = File.Exists(path) ? File.ReadAllText(path) : null;
            if (current == text) continue;
            if (checkOnly)
            {
                error.WriteLine($"{path}(1,1): error: out of date; run 'peercommons schema{(docs is null ? "" : " --docs " + docs)}{(jsonSchemaDirectory is null ? "" : " --json-schema " + jsonSchemaDirectory)}' and commit the result");
                stale++;
                continue;
            }
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, text, new UTF8Encoding(false));
                output.WriteLine($"Wrote {path}.");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"error: could not write {path}: {ex.Message}");
                return ExitCodes.UsageOrIo;
            }
        }
        if (checkOnly && stale == 0) output.WriteLine("The content model files are up to date.");
        return stale == 0 ? ExitCodes.Success : ExitCodes.ContentErrors;
    }
}
