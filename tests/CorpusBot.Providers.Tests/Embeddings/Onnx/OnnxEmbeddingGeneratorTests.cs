using System.Numerics.Tensors;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Onnx;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Embeddings.Onnx;

/// <summary>The real ONNX Runtime loading, BERT tokenizer, mean pooling and normalisation, on a hand-built tiny model.</summary>
public sealed class OnnxEmbeddingGeneratorTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "corpusbot-onnx-" + Guid.NewGuid().ToString("N"));
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        var (model, vocab) = TinyBertModel.Write(directory);
        host = await TestHost.CreateAsync(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "Onnx",
            ["Embeddings:ModelPath"] = model,
            ["Embeddings:VocabPath"] = vocab,
            ["Embeddings:QueryPrefix"] = "query: ",
            ["Embeddings:BatchSize"] = "2",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private IEmbeddingGenerator<string, Embedding<float>> Generator => host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    [Fact]
    public async Task GenerateAsync_OneText_IsTheNormalisedMeanOfItsTokenRows()
    {
        var vector = (await Generator.GenerateAsync(["Hello world"]))[0].Vector.ToArray();

        Assert.Equal(Expected("[CLS]", "hello", "world", "[SEP]"), vector, new FloatComparer());
        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public async Task GenerateAsync_PaddedInABatch_IgnoresThePadding()
    {
        var alone = (await Generator.GenerateAsync(["hello"]))[0].Vector.ToArray();
        var batch = await Generator.GenerateAsync(["the rain in minsk . the rain in minsk .", "hello", "world"]);

        Assert.Equal(3, batch.Count);
        Assert.Equal(alone, batch[1].Vector.ToArray(), new FloatComparer());
        Assert.Equal(Expected("[CLS]", "hello", "[SEP]"), alone, new FloatComparer());
    }

    [Fact]
    public async Task GenerateAsync_Query_GetsTheQueryPrefix()
    {
        var query = (await Generator.GenerateAsync(["rain"], EmbeddingPurpose.ForQuery()))[0].Vector.ToArray();

        Assert.Equal(Expected("[CLS]", "query", ":", "rain", "[SEP]"), query, new FloatComparer());
    }

    [Fact]
    public void ModelId_NamesTheOnnxModelAndItsDimensions()
    {
        Assert.IsType<OnnxEmbeddingGenerator>(Generator);
        Assert.Matches("^onnx-.+-[0-9a-f]{12}-4$", EmbeddingModel.IdOf(Generator));
    }

    [Fact]
    public async Task Int8_OnAModelWithoutWeightMatrices_FailsNamingTheFileAndTheWayOut()
    {
        // The tiny model is embeddings only: nothing to quantize, and start-up says so instead of running it as Float32.
        var error = await Assert.ThrowsAsync<CorpusBot.Core.CorpusBotException>(() => TestHost.CreateAsync(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "Onnx",
            ["Embeddings:ModelPath"] = Path.Combine(directory, "model.onnx"),
            ["Embeddings:VocabPath"] = Path.Combine(directory, "vocab.txt"),
            ["Embeddings:Precision"] = "Int8",
        }));

        Assert.Contains(Path.Combine(directory, "model.onnx"), error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Precision=Float32", error.Message, StringComparison.Ordinal);
    }

    private static float[] Expected(params string[] tokens)
    {
        var sum = new float[TinyBertModel.Dimensions];
        foreach (var token in tokens)
        {
            TensorPrimitives.Add(sum, TinyBertModel.Row(TinyBertModel.IdOf(token)), sum);
        }

        TensorPrimitives.Divide(sum, TensorPrimitives.Norm(sum), sum);
        return sum;
    }

    private sealed class FloatComparer : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) < 1e-5;

        public int GetHashCode(float obj) => 0;
    }
}
