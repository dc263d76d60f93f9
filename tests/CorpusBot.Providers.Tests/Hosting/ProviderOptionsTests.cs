using CorpusBot.Core.Answering;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Builtin;
using CorpusBot.Core.Embeddings.Onnx;
using CorpusBot.Providers.Embeddings;
using CorpusBot.Providers.Chat;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Providers.Tests.Hosting;

public sealed class ProviderOptionsTests
{
    [Fact]
    public async Task Defaults_KeepTheExtractiveAnswererAndTheBuiltinModel()
    {
        // TestHost picks Lexical for speed; the default provider is what an unset key gives.
        await using var host = await TestHost.CreateAsync(new Dictionary<string, string?> { ["Embeddings:Provider"] = new EmbeddingsOptions().Provider });

        Assert.IsType<ExtractiveAnswerer>(host.Services.GetRequiredService<IAnswerer>());
        var embedder = Assert.IsType<OnnxEmbeddingGenerator>(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.Equal(BuiltinModel.ModelId, embedder.ModelId);
        Assert.Equal(EmbeddingPooling.Cls, embedder.Settings.Pooling);
        Assert.Equal(EmbeddingsOptions.BuiltinProvider, new ProviderEmbeddingsOptions().Provider);
    }

    [Fact]
    public async Task Lexical_ResolvesTheHashedEmbedder()
    {
        await using var host = await TestHost.CreateAsync(new Dictionary<string, string?> { ["Embeddings:Provider"] = "Lexical" });

        Assert.IsType<LexicalEmbeddingGenerator>(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>());
    }

    [Theory]
    [InlineData("Chat:Provider", "OpenAI", "Chat:Endpoint is required when Chat:Provider is OpenAI")]
    [InlineData("Chat:Provider", "Claude", "Chat:Provider must be None or OpenAI")]
    [InlineData("Embeddings:Provider", "Onnx", "Embeddings:ModelPath is required when Embeddings:Provider is Onnx")]
    [InlineData("Embeddings:Provider", "OpenAI", "Embeddings:Model is required when Embeddings:Provider is OpenAI")]
    [InlineData("Embeddings:Provider", "Hashed", "Embeddings:Provider must be Builtin, Lexical, Onnx or OpenAI")]
    [InlineData("Embeddings:Precision", "Float16", "Embeddings:Precision must be Float32 or Int8")]
    public async Task Start_MissingSetting_FailsWithAMessageNamingTheKey(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.CreateAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestHost.ApiKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ChatEnabled_ResolvesTheLlmAnswerer()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        await using var host = await TestHost.CreateAsync(TestHost.ChatSettings(server));

        Assert.IsType<LlmAnswerer>(host.Services.GetRequiredService<IAnswerer>());
    }
}
