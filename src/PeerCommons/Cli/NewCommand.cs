using System.CommandLine;
using PeerCommons.Model;
using PeerCommons.Scaffold;
using PeerCommons.Validate;

namespace PeerCommons.Cli;

/// <summary>
/// <c>peercommons new &lt;kind&gt; "&lt;title&gt;"</c>: writes a new entry with every field of its kind,
/// commented, under a free id. One subcommand per kind, so each shows only the options it takes.
/// </summary>
public static class NewCommand
{
    /// <param name="guard">Turns an unexpected exception into a clear message and exit code (CommandLine.Guarded).</param>
    public static Command Create(Func<Func<int>, int> guard)
    {
        var command = new Command("new", "Start a new entry: writes a file with every field explained, at the right place, under a free name");
        foreach (var kind in EntryScaffold.Kinds) command.Subcommands.Add(CreateKind(kind, guard));
        return command;
    }

    private static Command CreateKind(EntryKind kind, Func<Func<int>, int> guard)
    {
        var name = kind.ToString().ToLowerInvariant();
        var title = new Argument<string>("title") { Description = $"The {name}'s title, in quotes" };
        var content = new Option<string>("--content") { Description = "Folder with site.yaml and the entries", DefaultValueFactory = _ => "content" };
        var id = new Option<string?>("--id") { Description = "Use this id (file name) instead of one made from the title; fails if it is taken" };
        var command = new Command(name, Describe(kind)) { title, content, id };

        Option<string>? curriculum = null, community = null, target = null, date = null;
        Option<string?>? type = null;
        switch (kind)
        {
            case EntryKind.Module:
                curriculum = new Option<string>("--curriculum") { Description = "The id of the curriculum the module belongs to", Required = true };
                command.Options.Add(curriculum);
                break;
            case EntryKind.Annotation:
                community = new Option<string>("--community") { Description = "The id of your community (communities/<id>.md)", Required = true };
                target = new Option<string>("--target") { Description = "The key of the entry the note is about, such as values/mutuality (add #heading-id for one section)", Required = true };
                var allowed = ContentSchema.For(EntryKind.Annotation)["type"].Allowed!;
                type = new Option<string?>("--type") { Description = $"What kind of note: {string.Join(", ", allowed)} (default {allowed[0]})" };
                type.AcceptOnlyFromAmong(allowed);
                command.Options.Add(community);
                command.Options.Add(target);
                command.Options.Add(type);
                break;
            case EntryKind.History:
                date = new Option<string>("--date") { Description = "When it happened: YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YYYY (required)" };
                command.Options.Add(date);
                break;
        }

        command.SetAction(parse => guard(() =>
        {
            var request = new ScaffoldRequest(kind, parse.GetValue(title) ?? "", parse.GetValue(content)!)
            {
                Id = parse.GetValue(id),
                Curriculum = curriculum is null ? null : parse.GetValue(curriculum),
                Community = community is null ? null : parse.GetValue(community),
                Target = target is null ? null : parse.GetValue(target),
                Type = type is null ? null : parse.GetValue(type),
                Date = date is null ? null : parse.GetValue(date),
            };
            return Run(request, Console.Out, Console.Error);
        }));
        return command;
    }

    public static int Run(ScaffoldRequest request, TextWriter output, TextWriter error)
    {
        var result = EntryScaffold.Create(request);
        if (!result.Succeeded)
        {
            error.WriteLine($"error: {result.Error}");
            return ExitCodes.UsageOrIo;
        }
        var shown = Path.Combine(request.ContentDirectory, result.ContentPath!).Replace('\\', '/');
        var checkCommand = request.ContentDirectory == "content" ? "peercommons check" : $"peercommons check --content {Quoted(request.ContentDirectory)}";
        output.WriteLine($"Created {shown} ({result.Key})");
        output.WriteLine($"Next: edit it (replace every TODO, fill in or delete the optional fields), then run {checkCommand}");
        return ExitCodes.Success;
    }

    private static string Quoted(string path) => path.Contains(' ') ? $"\"{path}\"" : path;

    private static string Describe(EntryKind kind) => kind switch
    {
        EntryKind.Project => "A peer support project, service or group (projects/<id>.md)",
        EntryKind.Value => "A value or principle (values/<id>.md)",
        EntryKind.History => "A dated event or development (history/<id>.md)",
        EntryKind.Curriculum => "A training curriculum (curricula/<id>/index.md)",
        EntryKind.Module => "A module of a curriculum (curricula/<curriculum>/NN-<id>.md, numbered after the last one)",
        EntryKind.Community => "A contributing community (communities/<id>.md)",
        EntryKind.Annotation => "Your community's note on an entry (annotations/<community>/<id>.md)",
        _ => kind.Label(),
    };
}
