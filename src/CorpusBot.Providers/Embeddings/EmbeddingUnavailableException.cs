using CorpusBot.Core;

namespace CorpusBot.Providers.Embeddings;

/// <summary>
/// The embeddings endpoint failed (outage, timeout, open circuit, bad reply). Thrown before anything
/// is written, so the document can simply be ingested again. The message names the host, never the key.
/// </summary>
public sealed class EmbeddingUnavailableException : CorpusBotException
{
    public EmbeddingUnavailableException()
    {
    }

    public EmbeddingUnavailableException(string message)
        : base(message)
    {
    }

    public EmbeddingUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
