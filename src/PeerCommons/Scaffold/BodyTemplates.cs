using PeerCommons.Model;

namespace PeerCommons.Scaffold;

/// <summary>
/// The Markdown body <c>peercommons new</c> starts each kind with: a few headings and TODO prompts
/// (which <c>check</c> reports until they are replaced), and hints as HTML comments, which are never
/// published.
/// </summary>
public static class BodyTemplates
{
    private const string Linking =
        "<!-- To cite a work from sources.yaml write [@key]; to link another entry write [its title](xref:values/mutuality).\n" +
        "     This note is not published; you may delete it. -->";

    public static string For(EntryKind kind) => kind switch
    {
        EntryKind.Project => """
            TODO: Describe the project in your own words: who runs it, who it is for, and what happens there.

            ## How it works

            TODO: How people find it, how support is given, and what a typical meeting or contact looks like.

            ## What makes it peer support

            TODO: How shared experience, mutuality and choice show up in practice.

            ## What people have learned

            TODO: What went well, what was hard, and what others could take from it.

            """ + "\n" + Linking + "\n",
        EntryKind.Value => """
            TODO: Say what this value means, in plain words, in one short paragraph.

            ## What it means in practice

            TODO: Examples of what people do (and avoid doing) when they hold this value.

            ## Tensions

            TODO: Where this value is hard to keep, for example inside statutory services.

            """ + "\n" + Linking + "\n",
        EntryKind.History => """
            TODO: What happened, in one short paragraph.

            ## Why it matters

            TODO: What changed for peer support because of it.

            """ + "\n" + Linking + "\n",
        EntryKind.Curriculum => """
            TODO: What this training is, who it is for, and what people gain from it.

            ## How it is run

            TODO: Group size, who facilitates, and what participants need.

            ## Modules

            <!-- The modules are the files next to this one (01-..., 02-...); add one with
                 peercommons new module "Title" --curriculum <this curriculum's id> -->

            """ + "\n" + Linking + "\n",
        EntryKind.Module => """
            TODO: What this session covers, in one short paragraph.

            ## Activities

            TODO: The activities, in order, with roughly how long each takes.

            :::facilitator
            TODO: Notes for trainers only: preparation, timings, what to watch for. Learners do not see this part.
            :::

            ## Reflection

            TODO: Questions participants think about at the end.

            """ + "\n" + Linking + "\n",
        EntryKind.Community => """
            TODO: Who you are, in your own words: the people, the place, and what brings you together.

            ## How we do peer support

            TODO: What peer support looks like in your community.

            ## How to get involved

            TODO: How people can join or contact you, if you want them to.

            """ + "\n" + Linking + "\n",
        EntryKind.Annotation => """
            TODO: Your community's note: how you do this, what worked or did not, a caution, a resource, or a question.

            """ + "\n" + Linking + "\n",
        _ => "TODO: Write the page.\n",
    };
}
