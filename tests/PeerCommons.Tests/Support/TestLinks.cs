using PeerCommons.Markdown.Binding;
using PeerCommons.Markdown.Extensions.Xrefs;

namespace PeerCommons.Tests.Support;

/// <summary>A page's links made up for a test: every answer comes from the functions given (unknown when none).</summary>
public sealed class TestLinks(
    Func<string, string?, (XrefTarget?, XrefProblem)>? xref = null,
    Func<string, (string Label, string Href)?>? citation = null,
    IReadOnlyDictionary<string, string>? headingEnds = null) : IPageLinks
{
    public (XrefTarget? Target, XrefProblem Problem) Xref(string key, string? anchor) => xref?.Invoke(key, anchor) ?? (null, XrefProblem.UnknownKey);

    public (string Label, string Href)? Citation(string key) => citation?.Invoke(key);

    public string? HeadingEnd(string headingId) => headingEnds?.GetValueOrDefault(headingId);
}
