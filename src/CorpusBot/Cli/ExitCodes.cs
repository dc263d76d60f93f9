namespace CorpusBot.Cli;

/// <summary>Process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    /// <summary>Some inputs were rejected; the rest were ingested.</summary>
    public const int SomeRejected = 3;

    /// <summary>A setting is missing or invalid; the message names the key.</summary>
    public const int Configuration = 4;

    /// <summary>The thing asked for does not exist (e.g. `remove` of an unknown id).</summary>
    public const int NotFound = 5;
}
