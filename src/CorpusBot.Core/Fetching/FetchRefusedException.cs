namespace CorpusBot.Core.Fetching;

/// <summary>A fetch that was refused or failed, with a reason fit to show the person who asked for it.</summary>
public sealed class FetchRefusedException : CorpusBotException
{
    public FetchRefusedException(string reason)
        : base(reason)
    {
    }

    public FetchRefusedException(string reason, Exception inner)
        : base(reason, inner)
    {
    }

    public FetchRefusedException()
    {
    }
}
