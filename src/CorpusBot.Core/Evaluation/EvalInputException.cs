namespace CorpusBot.Core.Evaluation;

/// <summary>An evaluation file cannot be used as given; the message names the file and the bad lines.</summary>
public sealed class EvalInputException : CorpusBotException
{
    public EvalInputException()
    {
    }

    public EvalInputException(string message)
        : base(message)
    {
    }

    public EvalInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
