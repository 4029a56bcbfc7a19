using System.Xml;
using PeerCommons.Load;

namespace PeerCommons.Render.Feeds;

/// <summary>
/// Writes text XML cannot carry (control characters, lone surrogates) as U+FFFD instead of throwing.
/// Validation already refuses such characters in every field; this keeps a feed from ever crashing a build.
/// </summary>
public static class SafeXml
{
    public static void WriteSafeElement(this XmlWriter xml, string name, string text) =>
        xml.WriteElementString(name, ForbiddenCharacters.Replace(text));

    public static void WriteSafeAttribute(this XmlWriter xml, string name, string text) =>
        xml.WriteAttributeString(name, ForbiddenCharacters.Replace(text));
}
