namespace CorpusBot.Core.Retrieval;

/// <summary>Finds the passages of the corpus most relevant to a question.</summary>
public interface IRetriever
{
    Task<IReadOnlyList<Passage>> RetrieveAsync(string question, int topK, CancellationToken cancellationToken);
}
