using System.CommandLine;
using PeerCommons.Diagnostics;
using PeerCommons.Ownership;

namespace PeerCommons.Cli;

/// <summary><c>peercommons codeowners [--content DIR] [--check]</c>: keeps .github/CODEOWNERS in step with communities' maintainers.</summary>
public static class CodeOwnersCommand
{
    /// <param name="guard">Turns an unexpected exception into a clear message and exit code (CommandLine.Guarded).</param>
    public static Command Create(Func<Func<int>, int> guard)
    {
        var content = new Option<string>("--content") { Description = "Folder with site.yaml and the entries", DefaultValueFactory = _ => "content" };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if .github/CODEOWNERS is out of date" };
        var command = new Command("codeowners",
            "Write .github/CODEOWNERS (beside the content folder) so each community's page and annotations are reviewed by its maintainers")
            { content, check };
        command.SetAction(parse => guard(() => Run(parse.GetValue(content)!, parse.GetValue(check), Console.Out, Console.Error)));
        return command;
    }

    public static int Run(string contentDirectory, bool checkOnly, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(contentDirectory))
        {
            error.WriteLine($"error: content folder '{contentDirectory}' does not exist; pass --content with the folder that holds site.yaml");
            return ExitCodes.UsageOrIo;
        }
        var shown = DisplayPath.For(CodeOwners.FilePath(contentDirectory));
        var status = CodeOwners.Inspect(contentDirectory);
        if (checkOnly)
        {
            if (status.IsUpToDate)
            {
                output.WriteLine($"{shown} is up to date.");
                return ExitCodes.Success;
            }
            error.WriteLine($"{shown}({status.Line},1): error {CodeOwners.OutOfDateCode}: {CodeOwners.Describe(status, contentDirectory)}");
            foreach (var line in CodeOwners.Differences(status)) error.WriteLine("  " + line);
            return ExitCodes.ContentErrors;
        }

        try
        {
            var (changed, problem) = CodeOwners.Write(contentDirectory);
            if (problem is not null)
            {
                error.WriteLine($"error: {problem}; fix the markers by hand and run this again");
                return ExitCodes.UsageOrIo;
            }
            output.WriteLine(changed ? $"Wrote {shown}." : $"{shown} is already up to date.");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: could not write {shown}: {ex.Message}");
            return ExitCodes.UsageOrIo;
        }
    }
}
