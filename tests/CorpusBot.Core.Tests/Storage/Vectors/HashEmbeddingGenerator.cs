using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Tests.Storage.Vectors;

/// <summary>Deterministic embeddings from a stable hash of the text; can be told to fail on a given call.</summary>
internal sealed class HashEmbeddingGenerator(string modelId, int dimensions) : IEmbeddingGenerator<string, Embedding<float>>
{
    private int calls;

    /// <summary>The 1-based call number that throws, if any.</summary>
    public int? FailOnCall { get; init; }

    public int Calls => calls;

    public int TextsEmbedded { get; private set; }

    public static float[] Embed(string text, int dimensions)
    {
        var seed = BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return RandomVectors.Next(new Random(seed), dimensions);
    }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref calls) == FailOnCall)
        {
            throw new HttpRequestException("embedding endpoint down");
        }

        var texts = values.ToList();
        TextsEmbedded += texts.Count;
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(Embed(t, dimensions)))));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("hash", null, modelId, dimensions) : null;

    public void Dispose()
    {
    }
}
