using System.Numerics.Tensors;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Text;
using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// How close in meaning each candidate sentence is to the question, by the corpus's own embedding model (the
/// question with the model's query prefix, sentences as passages). Sentence vectors are kept in a bounded cache,
/// because the same sentences come back for related questions; the cache is keyed by model id and text, so a
/// change of model never mixes vectors.
/// </summary>
public sealed class SemanticFit(IEmbeddingGenerator<string, Embedding<float>> embedder, QueryVectors queries)
{
    private const int CacheCapacity = 32768;

    private const int HubnessNeighbours = 10;

    private readonly Lock gate = new();
    private readonly Dictionary<string, float[]> cache = new(StringComparer.Ordinal);
    private readonly Queue<string> order = new();
    private readonly Dictionary<string, double> hubness = new(StringComparer.Ordinal);
    private readonly string modelId = EmbeddingModel.IdOf(embedder);

    /// <summary>
    /// False for the built-in lexical (hashed) embedder: its similarity is word overlap again, not meaning, so the
    /// reader then goes by words alone.
    /// </summary>
    public bool IsSemantic => !modelId.StartsWith(LexicalEmbeddingGenerator.ModelIdPrefix, StringComparison.Ordinal);

    /// <summary>Cosine similarity of the question to each text, in the order given.</summary>
    public async Task<double[]> ScoreAsync(string question, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Count == 0)
        {
            return [];
        }

        var questionVector = await queries.GetAsync(question, cancellationToken);
        var vectors = await VectorsAsync(texts, cancellationToken);
        var scores = new double[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            scores[i] = TensorPrimitives.CosineSimilarity(questionVector, vectors[i]);
        }

        return scores;
    }

    /// <summary>The model's vector of each text (embedded as a passage), from the cache where it is known.</summary>
    public async Task<float[][]> VectorsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var vectors = new float[]?[texts.Count];
        var missing = new List<int>();
        lock (gate)
        {
            for (var i = 0; i < texts.Count; i++)
            {
                vectors[i] = cache.GetValueOrDefault(Key(texts[i]));
                if (vectors[i] is null)
                {
                    missing.Add(i);
                }
            }
        }

        if (missing.Count > 0)
        {
            var distinct = missing.Select(i => texts[i]).Distinct(StringComparer.Ordinal).ToList();
            var generated = await embedder.GenerateAsync(distinct, EmbeddingPurpose.ForPassages(), cancellationToken);
            var byText = new Dictionary<string, float[]>(StringComparer.Ordinal);
            for (var i = 0; i < distinct.Count; i++)
            {
                byText[distinct[i]] = generated[i].Vector.ToArray();
            }

            foreach (var i in missing)
            {
                vectors[i] = byText[texts[i]];
            }

            lock (gate)
            {
                foreach (var (text, vector) in byText)
                {
                    Remember(Key(text), vector);
                }
            }
        }

        return vectors.Select(v => v!).ToArray();
    }

    /// <summary>
    /// Each word's hubness: its mean cosine to its ten nearest words of <see cref="EverydayLexicon"/> (itself and its
    /// own forms left out). A property of the word and the model alone, so it is computed once and cached.
    /// </summary>
    public async Task<double[]> HubnessAsync(IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(words);
        var lexicon = await VectorsAsync(EverydayLexicon.Words, cancellationToken);
        var vectors = await VectorsAsync(words, cancellationToken);
        var result = new double[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            var key = modelId + "\nhub\n" + words[i];
            lock (gate)
            {
                if (hubness.TryGetValue(key, out var known))
                {
                    result[i] = known;
                    continue;
                }
            }

            var stem = Tokenizer.Stem(words[i]);
            var nearest = new List<double>(lexicon.Length);
            for (var k = 0; k < lexicon.Length; k++)
            {
                if (EverydayLexicon.Stems[k] != stem)
                {
                    nearest.Add(TensorPrimitives.CosineSimilarity(vectors[i], lexicon[k]));
                }
            }

            result[i] = nearest.OrderDescending().Take(HubnessNeighbours).Average();
            lock (gate)
            {
                if (hubness.Count >= CacheCapacity)
                {
                    hubness.Clear();
                }

                hubness[key] = result[i];
            }
        }

        return result;
    }

    private string Key(string text) => modelId + "\npassage\n" + text;

    private void Remember(string key, float[] vector)
    {
        if (!cache.TryAdd(key, vector))
        {
            return;
        }

        order.Enqueue(key);
        while (order.Count > CacheCapacity)
        {
            cache.Remove(order.Dequeue());
        }
    }
}
