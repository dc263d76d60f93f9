using CorpusBot.Core;

namespace CorpusBot.Providers.Chat;

/// <summary>
/// The chat model gave no usable reply: outage, timeout, open circuit, or a reply that is not the
/// agreed JSON. The answer service catches it and answers extractively. Never carries the API key.
/// </summary>
public sealed class ModelUnavailableException : CorpusBotException
{
    public ModelUnavailableException()
    {
    }

    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
