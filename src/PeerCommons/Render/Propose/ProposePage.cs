using PeerCommons.Model;
using PeerCommons.Render.Views;

namespace PeerCommons.Render.Propose;

/// <summary>
/// The propose form page (contribute/propose/) and the links that lead to it, each carrying what
/// to propose in its query (?kind=annotation&amp;target=values/mutuality%23tensions) so the form
/// opens already filled in. The form itself is theme/templates/propose.liquid with
/// theme/assets/propose*.js; its fields come from <see cref="ProposeFormData"/>.
/// </summary>
public static class ProposePage
{
    public const string Path = "contribute/propose/";

    /// <summary>The first folder of the form's address, which no entry or alias may take.</summary>
    public const string Folder = Aliases.ContributeFolder;

    /// <summary>The kinds whose pages say "Add a note from your community": every kind an annotation can target but the editors' own pages.</summary>
    public static bool TakesNotes(Entry entry) => entry.Kind is not (EntryKind.Annotation or EntryKind.Page);

    /// <summary>A link from a page to the form, with nothing chosen yet.</summary>
    public static string FormUrl(string fromPage) => SitePaths.Relative(fromPage, Path);

    /// <summary>A link from a page to the form, set to propose a new entry of a kind.</summary>
    public static string NewEntryUrl(string fromPage, EntryKind kind) =>
        Html.Escape(SitePaths.Relative(fromPage, Path) + "?kind=" + kind.ToString().ToLowerInvariant());

    /// <summary>A link from a page to the form, set to write a note on an entry (or one of its sections).</summary>
    public static string NoteUrl(string fromPage, string targetKey, string? sectionId = null) =>
        Html.Escape(SitePaths.Relative(fromPage, Path) + "?kind=annotation&target=" +
            Uri.EscapeDataString(sectionId is null ? targetKey : targetKey + "#" + sectionId));

    public static PageView View(RenderContext context)
    {
        var config = context.Site.Config;
        string Link(string path) => SitePaths.Relative(Path, path);
        return new PageView
        {
            Template = "propose",
            Title = "Propose an entry or a note",
            Summary = "Write a new entry, or a note from your community on an entry, and send it to the editors. The form checks it as the site's own checks would.",
            Breadcrumbs = [new LinkView("Home", Link(""))],
            Styles = [Link(context.Assets.Named("propose.css"))],
            // In order: the data first, the form that uses it last. The Markdown library for the preview
            // (41 kB gzipped) and the parts of the site's data load only when needed, to keep the page small.
            Scripts =
            [
                Link(ProposeFormData.ScriptPath),
                Link(context.Assets.Named("propose-rules.js")),
                Link(context.Assets.Named("propose-fields.js")),
                Link(context.Assets.Named("propose.js")),
            ],
            Propose = new ProposeView(
                config.RepoUrl is { } repo ? Html.Escape(repo) : null,
                Html.Escape(config.Branch),
                ProposeFormData.Kinds.Select(k => new ChoiceView(k.ToString().ToLowerInvariant(),
                    k == EntryKind.Annotation ? "A note from your community on an entry" : "A new " + k.Label().ToLowerInvariant())).ToList(),
                Html.Escape(Link(context.Assets.Named("markdown-it.min.js")))),
        };
    }
}
