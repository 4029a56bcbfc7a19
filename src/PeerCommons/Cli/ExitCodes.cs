namespace PeerCommons.Cli;

/// <summary>Documented in README.md; scripts rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Content is valid (warnings allowed) and, for build, the site was written.</summary>
    public const int Success = 0;
    /// <summary>The content has errors; they were printed; nothing was written.</summary>
    public const int ContentErrors = 1;
    /// <summary>Bad arguments, or the output could not be written (the previous output is untouched).</summary>
    public const int UsageOrIo = 2;
    /// <summary>A bug in PeerCommons: please report it with the message printed.</summary>
    public const int InternalError = 3;
}
