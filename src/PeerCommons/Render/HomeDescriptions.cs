using PeerCommons.Model;

namespace PeerCommons.Render;

/// <summary>One plain sentence per kind for the home page, so a first visitor knows what each part of the commons holds.</summary>
public static class HomeDescriptions
{
    public static string Of(EntryKind kind) => kind switch
    {
        EntryKind.Project => "Peer support groups, services and initiatives: what they do and how they started.",
        EntryKind.Value => "The ideas that hold peer support together, such as mutuality and choice.",
        EntryKind.Curriculum => "Training courses for peer supporters, module by module, with notes for trainers.",
        EntryKind.History => "Moments in the history of peer support and the survivor movement.",
        EntryKind.Community => "Groups who add notes from their own experience to the entries.",
        _ => "",
    };
}
