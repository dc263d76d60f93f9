using CorpusBot.Core.Retrieval;

namespace CorpusBot.Core.Answering;

/// <summary>
/// Produces an answer from retrieved passages. Implementations: the built-in extractive answerer,
/// and the LLM answerer of CorpusBot.Providers. Both must return only citations that passed
/// <see cref="QuoteVerifier"/>.
/// </summary>
public interface IAnswerer
{
    Task<Answer> AnswerAsync(string question, IReadOnlyList<Passage> passages, CancellationToken cancellationToken);
}
