using System.Numerics.Tensors;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage;
using CorpusBot.Providers.Embeddings;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Embeddings.OpenAI;

public sealed class OpenAIEmbeddingGeneratorTests : IAsyncLifetime
{
    private FakeOpenAIServer server = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        host = await TestHost.CreateAsync(new Dictionary<string, string?>
        {
            ["Embeddings:Provider"] = "OpenAI",
            ["Embeddings:Endpoint"] = server.BaseUrl,
            ["Embeddings:Model"] = "nomic-embed-text",
            ["Embeddings:Dimensions"] = "4",
            ["Embeddings:BatchSize"] = "2",
            ["Embeddings:MaxAttempts"] = "2",
            ["Embeddings:RetryDelaySeconds"] = "0.05",
        });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    private IEmbeddingGenerator<string, Embedding<float>> Generator => host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    [Fact]
    public async Task GenerateAsync_ThreeTexts_BatchesRequestsAndNormalisesVectors()
    {
        server.OnEmbeddings = r => FakeReply.Embeddings(r.Inputs, text => [text.Length, 3f, 0f, 4f]);

        var result = await Generator.GenerateAsync(["a", "bb", "ccc"]);

        Assert.Equal(3, result.Count);
        Assert.All(result, e => Assert.Equal(1f, TensorPrimitives.Norm(e.Vector.Span), 4));
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal(["a", "bb"], requests[0].Inputs);
        Assert.Equal("nomic-embed-text", requests[0].Json.GetProperty("model").GetString());
        Assert.Equal(4, requests[0].Json.GetProperty("dimensions").GetInt32());
        Assert.Equal("openai-nomic-embed-text-4", EmbeddingModel.IdOf(Generator));
    }

    [Fact]
    public async Task IngestAsync_EmbeddingsOutage_WritesNothingAndNamesTheHost()
    {
        server.OnEmbeddings = _ => FakeReply.Error(503);

        var error = await Assert.ThrowsAsync<EmbeddingUnavailableException>(() => host.IngestAsync(Corpus.GomelId, Corpus.GomelTitle, Corpus.GomelText));

        Assert.Contains(new Uri(server.BaseUrl).Authority, error.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count); // Embeddings:MaxAttempts
        Assert.Equal(0, await host.Services.GetRequiredService<DocumentStore>().CountAsync(CancellationToken.None));
    }
}
