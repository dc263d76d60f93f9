using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Embeddings;

/// <summary>
/// The question's vector (embedded with the model's query prefix), embedded once per question: the retriever searches
/// with it and the reader scores sentences against it. Recent questions are kept, since a chat asks again and
/// follow-ups repeat; the embedder is a singleton, so one model's vectors are never mixed with another's.
/// </summary>
public sealed class QueryVectors(IEmbeddingGenerator<string, Embedding<float>> embedder)
{
    private const int Capacity = 256;

    private readonly Lock gate = new();
    private readonly Dictionary<string, float[]> recent = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();

    public async Task<float[]> GetAsync(string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        lock (gate)
        {
            if (recent.TryGetValue(question, out var known))
            {
                return known;
            }
        }

        var vector = (await embedder.GenerateAsync([question], EmbeddingPurpose.ForQuery(), cancellationToken))[0].Vector.ToArray();
        lock (gate)
        {
            if (recent.TryAdd(question, vector))
            {
                order.Enqueue(question);
                while (order.Count > Capacity)
                {
                    recent.Remove(order.Dequeue());
                }
            }
        }

        return vector;
    }
}
