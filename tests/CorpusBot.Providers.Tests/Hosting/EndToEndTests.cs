using System.Globalization;
using System.Text.RegularExpressions;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Embeddings;
using CorpusBot.Providers.Tests.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Providers.Tests.Hosting;

/// <summary>The whole path with both providers on: ingest (ONNX vectors) → hybrid retrieval → LLM over HTTP → verified answer.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "corpusbot-e2e-" + Guid.NewGuid().ToString("N"));
    private FakeOpenAIServer server = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        var (model, vocab) = TinyBertModel.Write(directory);
        var settings = TestHost.ChatSettings(server);
        settings["Embeddings:Provider"] = "Onnx";
        settings["Embeddings:ModelPath"] = model;
        settings["Embeddings:VocabPath"] = vocab;
        host = await TestHost.CreateAsync(settings, realRetriever: true);
        await host.IngestAsync(Corpus.GomelId, Corpus.GomelTitle, Corpus.GomelText);
        await host.IngestAsync(Corpus.PoisonId, Corpus.PoisonTitle, Corpus.PoisonText);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task AskAsync_BothProvidersOn_AnswersFromRetrievedPassagesWithVerifiedQuotes()
    {
        server.OnChat = request =>
        {
            // Cite whichever number the retriever gave the Gomel passage.
            var label = Regex.Match(request.Messages[1].Content, $@"BEGIN SOURCE \[(\d+)\] \w+\nTitle: {Regex.Escape(Corpus.GomelTitle)}");
            var source = int.Parse(label.Groups[1].Value, CultureInfo.InvariantCulture);
            return FakeReply.Answer($"Alexander Lukashenko gave the order [{source}].", false, (source, Corpus.GomelSentence1));
        };

        var answer = await host.AnswerService.AskAsync("Who ordered Belarusian doctors to treat wounded Russian soldiers?", CancellationToken.None);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.False(answer.Refused);
        Assert.Equal("Alexander Lukashenko gave the order [1].", answer.Text);
        Assert.Equal(Corpus.GomelId, Assert.Single(answer.Citations).DocumentId);
        Assert.StartsWith("onnx-", EmbeddingModel.IdOf(host.Services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>()), StringComparison.Ordinal);
    }
}
