namespace CorpusBot.Core.Answering;

/// <summary>The question cannot be asked as given (empty, too long, control characters); the message says why.</summary>
public sealed class InvalidQuestionException : CorpusBotException
{
    public InvalidQuestionException()
    {
    }

    public InvalidQuestionException(string message)
        : base(message)
    {
    }

    public InvalidQuestionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
