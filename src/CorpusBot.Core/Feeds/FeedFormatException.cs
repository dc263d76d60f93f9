namespace CorpusBot.Core.Feeds;

/// <summary>The fetched document is not an RSS or Atom feed.</summary>
public sealed class FeedFormatException : CorpusBotException
{
    public FeedFormatException()
    {
    }

    public FeedFormatException(string message)
        : base(message)
    {
    }

    public FeedFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
