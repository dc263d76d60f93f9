using System.Runtime.InteropServices;
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
        // Features in first-seen order (a Dictionary without removals enumerates in insertion order), so the sums
        // below add up in the same order, bit for bit, however the hashing is done.
        var counts = new Dictionary<(uint Hash, bool Trigram), int>(text.Length / 2);
        foreach (var word in Tokenizer.ContentWords(text))
        {
            Count(counts, (Fnv1a(Fnv1a(OffsetBasis, "w:"), Tokenizer.Stem(word)), false));
            // The trigrams of "<word>", hashed without building that string.
            var padded = word.Length + 2;
            for (var i = 0; i + 3 <= padded; i++)
            {
                var hash = OffsetBasis;
                for (var k = i; k < i + 3; k++)
                {
                    hash = Step(hash, k == 0 ? '<' : k == padded - 1 ? '>' : word[k - 1]);
                }

                Count(counts, (hash, true));
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

    private const uint OffsetBasis = 2166136261u;

    private static void Count(Dictionary<(uint, bool), int> counts, (uint, bool) key) =>
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;

    /// <summary>FNV-1a over <paramref name="text"/>, continuing from <paramref name="hash"/>.</summary>
    private static uint Fnv1a(uint hash, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            hash = Step(hash, c);
        }

        return hash;
    }

    private static uint Step(uint hash, char c) => (hash ^ c) * 16777619u;
}
