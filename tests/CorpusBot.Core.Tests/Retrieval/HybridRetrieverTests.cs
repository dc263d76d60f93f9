using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Retrieval;

public class HybridRetrieverTests
{
    [Fact]
    public async Task RetrieveAsync_Seeds_FindsTheDocumentThatHoldsTheFacts()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var passages = await corpus.Get<IRetriever>().RetrieveAsync("wounded soldiers treated in Khoiniki hospitals", 5, CancellationToken.None);
        Assert.StartsWith("000_", passages[0].DocumentId, StringComparison.Ordinal);
        Assert.Contains("Khoiniki", passages[0].Text, StringComparison.Ordinal);
        Assert.True(passages[0].LexicalScore > 0);
        Assert.True(passages[0].VectorScore > 0);
    }

    [Fact]
    public async Task RetrieveAsync_PassageOffsets_SliceStoredText()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var store = corpus.Get<CorpusBot.Core.Storage.DocumentStore>();
        foreach (var p in await corpus.Get<IRetriever>().RetrieveAsync("Russian soldiers Belarus", 8, CancellationToken.None))
        {
            var document = await store.GetAsync(p.DocumentId, CancellationToken.None);
            Assert.Equal(document!.Text[p.Start..p.End], p.Text);
        }
    }

    [Fact]
    public async Task RetrieveAsync_RepeatedParagraphs_CollapsedToOnePassage()
    {
        await using var corpus = await TestCorpus.CreateAsync(new Dictionary<string, string?> { ["Chunking:TargetChars"] = "120" });
        const string paragraph = "Two Russian soldiers in need of medical care were handed over by Ukrainian authorities on Tuesday.";
        await corpus.AddAsync("repeats", $"{paragraph}\nSomething else entirely about the weather in Minsk.\n{paragraph}");
        var passages = await corpus.Get<IRetriever>().RetrieveAsync("soldiers handed over by Ukrainian authorities", 5, CancellationToken.None);
        Assert.Single(passages, p => p.Text.Contains("handed over", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("soldiers AND NEAR(* OR)")]
    [InlineData("col:umn ^start -minus")]
    public async Task RetrieveAsync_FtsSyntaxInQuestion_TreatedAsWords(string question)
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var passages = await corpus.Get<IRetriever>().RetrieveAsync(question, 5, CancellationToken.None);
        Assert.NotNull(passages);
    }

    [Fact]
    public async Task RetrieveAsync_EmptyCorpus_NoPassages()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        Assert.Empty(await corpus.Get<IRetriever>().RetrieveAsync("anything at all", 5, CancellationToken.None));
    }

    [Fact]
    public async Task RetrieveAsync_EmbedderDown_FallsBackToFullTextSearch()
    {
        var embedder = new FailingEmbeddingGenerator();
        await using var corpus = await TestCorpus.CreateAsync(configure: s =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>>(s, embedder));
        await corpus.AddAsync("doc", "Wounded soldiers were treated in Khoiniki. The roads were closed.");
        embedder.Fail = true;

        var passages = await corpus.Get<IRetriever>().RetrieveAsync("soldiers treated in Khoiniki", 5, CancellationToken.None);

        var passage = Assert.Single(passages);
        Assert.True(passage.LexicalScore > 0);
        Assert.Equal(0, passage.VectorScore);
    }
}
