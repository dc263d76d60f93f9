using CorpusBot.Core.Answering;
using CorpusBot.Providers.Chat;
using CorpusBot.Providers.Embeddings;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Hosting;

/// <summary>API keys reach the endpoint's Authorization header and nowhere else: no log record, no exception message.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task ApiKeys_NeverAppearInLogsOrExceptions()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        var settings = TestHost.ChatSettings(server);
        settings["Chat:MaxAttempts"] = "1";
        settings["Embeddings:Provider"] = "OpenAI";
        settings["Embeddings:Endpoint"] = server.BaseUrl;
        settings["Embeddings:Model"] = "test-embedder";
        settings["Embeddings:ApiKey"] = TestHost.ApiKey;
        settings["Embeddings:MaxAttempts"] = "1";
        await using var host = await TestHost.CreateAsync(settings);
        var exceptions = new List<Exception>();

        server.OnEmbeddings = _ => FakeReply.Error(401);
        exceptions.Add(await Assert.ThrowsAsync<EmbeddingUnavailableException>(() =>
            host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>().GenerateAsync(["text"])));
        server.OnChat = _ => FakeReply.Error(401);
        host.Retriever.Passages = [new(1, "d", "t", null, 0, 10, "0123456789", 1, 1, 1)];
        exceptions.Add(await Assert.ThrowsAsync<ModelUnavailableException>(() =>
            host.Services.GetRequiredService<IAnswerer>().AnswerAsync("Who?", host.Retriever.Passages, CancellationToken.None)));
        server.OnChat = _ => FakeReply.Chat("not json");
        await host.AnswerService.AskAsync("Who ordered it?", CancellationToken.None);

        Assert.All(server.Requests, r => Assert.Equal($"Bearer {TestHost.ApiKey}", r.Authorization));
        Assert.NotEmpty(host.Logs.GetSnapshot());
        Assert.All(host.LogText(), line => Assert.DoesNotContain(TestHost.ApiKey, line, StringComparison.Ordinal));
        Assert.All(exceptions, e => Assert.DoesNotContain(TestHost.ApiKey, e.ToString(), StringComparison.Ordinal));
        Assert.Contains("API key was rejected", exceptions[0].Message, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", exceptions[0].Message, StringComparison.Ordinal);
    }
}
