using CorpusBot.Core.Storage.Vectors;
using CorpusBot.Core.Text;
using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Embeddings;

/// <summary>
/// The lexical embedder (Embeddings:Provider = Lexical): NOT a semantic model. It hashes lexical features — stemmed content words
/// (weight 1) and character trigrams of each word (weight 0.3, so "Belarusian"/"Belarus" overlap) —
/// into a fixed number of dimensions with a signed FNV-1a hash, applies sublinear term frequency
/// (1 + ln tf) and L2-normalises. It needs no model file and no network, and it is deterministic,
/// so the stored vectors stay valid across runs. It is hundreds of times faster than a model: for tests whose
/// subject is not meaning, and for corpora so large that ingest speed matters more than semantic retrieval.
/// </summary>
public sealed class LexicalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    // The id predates the rename (this was once the built-in embedder); kept so stored vectors stay valid.
    public const string ModelIdPrefix = "builtin-hashed-lexical-v1";
    private const float TrigramWeight = 0.3f;

    private readonly int dimensions;
    private readonly EmbeddingGeneratorMetadata metadata;

    public LexicalEmbeddingGenerator(int dimensions = 384)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 16);
        this.dimensions = dimensions;
        ModelId = $"{ModelIdPrefix}-{dimensions}";
        metadata = new EmbeddingGeneratorMetadata("corpusbot-lexical", null, ModelId, dimensions);
    }

    public string ModelId { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values,
        EmbeddingGenerationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId, CreatedAt = null });
        }

        return Task.FromResult(result);
    }

    public float[] Embed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var counts = new Dictionary<(uint Hash, bool Trigram), int>();
        foreach (var word in Tokenizer.ContentWords(text))
        {
            Count(counts, (Fnv1a("w:" + Tokenizer.Stem(word)), false));
            var padded = $"<{word}>";
            for (var i = 0; i + 3 <= padded.Length; i++)
            {
                Count(counts, (Fnv1a(padded.AsSpan(i, 3)), true));
            }
        }

        var vector = new float[dimensions];
        foreach (var ((hash, trigram), tf) in counts)
        {
            var weight = (1f + MathF.Log(tf)) * (trigram ? TrigramWeight : 1f);
            var index = (int)(hash % (uint)dimensions);
            vector[index] += (hash & 0x8000_0000) == 0 ? weight : -weight;
        }

        VectorBlob.Normalize(vector);
        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbeddingGeneratorServices.Resolve(this, metadata, serviceType, serviceKey);

    public void Dispose()
    {
    }

    private static void Count(Dictionary<(uint, bool), int> counts, (uint, bool) key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static uint Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }
}
