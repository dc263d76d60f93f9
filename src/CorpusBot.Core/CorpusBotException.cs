namespace CorpusBot.Core;

/// <summary>An error whose message tells the user what to fix. Shown as is, without a stack trace.</summary>
public class CorpusBotException : Exception
{
    public CorpusBotException()
    {
    }

    public CorpusBotException(string message)
        : base(message)
    {
    }

    public CorpusBotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
