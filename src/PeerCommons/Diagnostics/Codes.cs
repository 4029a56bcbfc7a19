namespace PeerCommons.Diagnostics;

/// <summary>
/// Every diagnostic code the generator emits. docs/diagnostics.md documents each one with an
/// example and its fix; a test keeps the two in step.
/// </summary>
public static class Codes
{
    // Files
    public const string NotUtf8 = "PC0001";
    public const string EmptyFile = "PC0002";
    public const string FileTooLarge = "PC0003";
    public const string NoFrontMatter = "PC0004";
    public const string FrontMatterNotClosed = "PC0005";
    public const string MalformedYaml = "PC0006";
    public const string YamlAlias = "PC0007";
    public const string FrontMatterNotMapping = "PC0008";
    public const string InvalidId = "PC0009";
    public const string UnexpectedFile = "PC0010";
    public const string DuplicateYamlKey = "PC0011";
    public const string NotOrdinaryFile = "PC0012";

    // Fields
    public const string MissingField = "PC0101";
    public const string UnknownField = "PC0102";
    public const string WrongType = "PC0103";
    public const string NotInEnum = "PC0104";
    public const string InvalidDate = "PC0105";
    public const string TooLong = "PC0106";
    public const string InvalidUrl = "PC0107";
    public const string InvalidSlug = "PC0108";
    public const string EmptyValue = "PC0109";
    public const string ForbiddenCharacter = "PC0110";
    public const string PlaceholderLeft = "PC0112";
    public const string NoSource = "PC0113";

    // References between entries
    public const string DuplicateKey = "PC0201";
    public const string DuplicateAlias = "PC0202";
    public const string UnknownRelated = "PC0203";
    public const string UnknownValue = "PC0204";
    public const string UnknownSource = "PC0205";
    public const string UnknownTarget = "PC0206";
    public const string UnknownTargetAnchor = "PC0207";
    public const string UnknownCommunity = "PC0208";
    public const string ModuleWithoutCurriculum = "PC0209";
    public const string CodeOwnersOutOfDate = "PC0210";
    public const string BadCitedIn = "PC0211";

    // Markdown
    public const string BrokenXref = "PC0301";
    public const string BrokenXrefAnchor = "PC0302";
    public const string UnknownCitation = "PC0303";
    public const string DuplicateHeadingId = "PC0304";
    public const string UnknownContainer = "PC0305";
    public const string MarkdownTooDeep = "PC0306";
    public const string HeadingIdTaken = "PC0307";

    // Sanitizer (warnings)
    public const string HtmlRemoved = "PC0401";
    public const string UnsafeUrl = "PC0402";
    public const string ExternalResource = "PC0403";
    public const string HtmlUnbalanced = "PC0404";

    // Editorial (warnings)
    public const string EditorialNoteInPublicText = "PC0501";

    // Output
    public const string OutputFailed = "PC0901";
    public const string BrokenInternalLink = "PC0902";
    public const string TemplateError = "PC0903";
}
