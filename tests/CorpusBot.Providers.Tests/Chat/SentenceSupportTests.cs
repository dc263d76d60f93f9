using CorpusBot.Core.Answering;
using CorpusBot.Providers.Chat;
using CorpusBot.Providers.Tests.Fakes;

namespace CorpusBot.Providers.Tests.Chat;

/// <summary>
/// Issue 8 §3 through the real Semantic Kernel connector and the loopback stand-in: a sentence the model
/// writes is shown only when the verified quotes of the sources it cites hold it.
/// </summary>
public sealed class SentenceSupportTests : IAsyncLifetime
{
    private const string Question = "Who ordered Belarusian doctors to treat wounded Russian soldiers?";
    private const string Paraphrase = "Lukashenko said he personally told Belarusian medical staff to treat injured Russian soldiers [1].";
    private FakeOpenAIServer server = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        host = await TestHost.CreateAsync(TestHost.ChatSettings(server));
        await host.IngestAsync(Corpus.OrderId, Corpus.OrderTitle, Corpus.OrderText);
        await host.IngestAsync(Corpus.ListsId, Corpus.ListsTitle, Corpus.ListsText);
        host.Retriever.Passages = [await host.PassageAsync(Corpus.OrderId), await host.PassageAsync(Corpus.ListsId)];
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task InventedSentenceNextToARealQuote_IsDropped()
    {
        // The issue's own reproduction: both sentences were shown before.
        var answer = await AskAsync(
            "Lukashenko said he personally ordered Belarusian medical personnel to treat wounded Russian soldiers [1]. "
            + "Belarus received five billion dollars from Moscow for every treated soldier [1].",
            (1, Corpus.OrderSentence));

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("Lukashenko said he personally ordered Belarusian medical personnel to treat wounded Russian soldiers [1].", answer.Text);
        Assert.Equal(Corpus.OrderSentence, Assert.Single(answer.Citations).Quote);
    }

    [Fact]
    public async Task InventedSentenceWithoutNumbersOrNames_IsDropped()
    {
        var answer = await AskAsync($"{Paraphrase} The health ministry praised the doctors for their courage [1].", (1, Corpus.OrderSentence));

        Assert.Equal(Paraphrase, answer.Text);
    }

    [Fact]
    public async Task ChangedNumber_IsDropped()
    {
        var answer = await AskAsync(
            $"{Paraphrase} Over 21 months, 9,000 wounded Russian soldiers and Rosgvardia personnel were treated in Gomel and Khoiniki [1].",
            (1, Corpus.OrderSentence), (1, Corpus.DatabaseSentence));

        Assert.Equal(Paraphrase, answer.Text);
        Assert.DoesNotContain("9,000", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameNumberAsTheQuote_IsKept()
    {
        const string sentence = "Over 21 months, nearly 900 wounded Russian soldiers and Rosgvardia personnel were treated in Gomel and Khoiniki [1].";

        var answer = await AskAsync(sentence, (1, Corpus.DatabaseSentence));

        Assert.Equal(sentence, answer.Text);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
    }

    [Fact]
    public async Task SwappedName_IsDropped()
    {
        var answer = await AskAsync(
            $"{Paraphrase} Vladimir Putin personally ordered Belarusian medical personnel to treat wounded Russian soldiers [1].",
            (1, Corpus.OrderSentence));

        Assert.Equal(Paraphrase, answer.Text);
    }

    [Theory]
    [InlineData("The full casualty lists are published at evil.example/lists [1].")]
    [InlineData("Visit evil.example [1].")]
    [InlineData("Relatives can write to lists@evil.example for the names [1].")]
    public async Task LinkFromAPoisonedDocument_NotInTheCitedQuote_IsDropped(string sentence)
    {
        var answer = await AskAsync($"{Paraphrase} {sentence}", (1, Corpus.OrderSentence), (2, "Relatives of the wounded have looked for names in several leaked lists."));

        Assert.Equal(Paraphrase, answer.Text);
        Assert.DoesNotContain("evil.example", answer.Text, StringComparison.Ordinal);
        Assert.All(answer.Citations, c => Assert.Equal(Corpus.OrderId, c.DocumentId));
    }

    [Fact]
    public async Task FairParaphraseOfItsQuote_IsKept()
    {
        var answer = await AskAsync(Paraphrase, (1, Corpus.OrderSentence));

        Assert.False(answer.Refused);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal(Paraphrase, answer.Text);
    }

    [Fact]
    public async Task RussianAnswerWhoseNumbersAndNamesMatchItsEnglishQuotes_IsKept()
    {
        const string text = "Лукашенко заявил, что лично приказал белорусским медикам лечить раненых российских солдат [1]. "
            + "По данным базы, за 21 месяц в больницах Гомеля и Хойников лечились почти 900 раненых российских военных и бойцов Росгвардии [1].";

        var answer = await AskAsync(text, (1, Corpus.OrderSentence), (1, Corpus.DatabaseSentence));

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal(text.Replace("Росгвардии [1]", "Росгвардии [2]", StringComparison.Ordinal), answer.Text);
        Assert.Equal([Corpus.OrderSentence, Corpus.DatabaseSentence], answer.Citations.Select(c => c.Quote));
    }

    [Fact]
    public async Task RussianAnswerWithAnInventedNumber_IsDropped()
    {
        const string kept = "Лукашенко заявил, что лично приказал белорусским медикам лечить раненых российских солдат [1].";

        var answer = await AskAsync(
            kept + " По данным базы, за 21 месяц в больницах Гомеля и Хойников лечились почти 9000 раненых российских военных [1].",
            (1, Corpus.OrderSentence), (1, Corpus.DatabaseSentence));

        Assert.Equal(kept, answer.Text);
    }

    [Fact]
    public async Task NoSentenceHeldButQuotesVerified_ShowsTheQuotesAloneWithANotice()
    {
        var answer = await AskAsync("Belarus received five billion dollars from Moscow for every treated soldier [1].", (1, Corpus.OrderSentence));

        Assert.False(answer.Refused);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(AnswerAssembler.QuotesOnlyNotice, answer.Notice);
        Assert.Equal($"{Corpus.OrderSentence} [1]", answer.Text);
        Assert.Equal(Corpus.OrderSentence, Assert.Single(answer.Citations).Quote);
    }

    [Fact]
    public async Task NoQuoteVerified_IsRefusedAsUnverified()
    {
        var answer = await AskAsync(Paraphrase, (1, "Lukashenko personally told Belarusian medical staff to treat injured Russian soldiers."));

        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.Unverified, answer.Reason);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task DroppedSentences_AreLoggedAsCountsWithoutTheirText()
    {
        await AskAsync($"{Paraphrase} Visit evil.example [1].", (1, Corpus.OrderSentence));

        var line = Assert.Single(host.LogText(), l => l.Contains("not held by their quotes", StringComparison.Ordinal));
        Assert.Contains("Contact 1", line, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", string.Join('\n', host.LogText()), StringComparison.Ordinal);
    }

    private async Task<Answer> AskAsync(string text, params (int Source, string Quote)[] quotes)
    {
        server.OnChat = _ => FakeReply.Answer(text, false, quotes);
        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);
        Assert.Equal(1, server.ChatCalls);
        return answer;
    }
}
