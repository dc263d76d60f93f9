using CorpusBot.Core.Answering;
using CorpusBot.Providers.Tests.Fakes;

namespace CorpusBot.Providers.Tests.Chat;

/// <summary>The real Semantic Kernel connector against the loopback stand-in, through the answer service.</summary>
public sealed class LlmAnswererTests : IAsyncLifetime
{
    private const string Question = "Who ordered Belarusian doctors to treat wounded Russian soldiers?";
    private FakeOpenAIServer server = null!;
    private TestHost host = null!;

    public async Task InitializeAsync()
    {
        server = await FakeOpenAIServer.StartAsync();
        host = await TestHost.CreateAsync(TestHost.ChatSettings(server));
        await host.IngestAsync(Corpus.GomelId, Corpus.GomelTitle, Corpus.GomelText);
        host.Retriever.Passages = [await host.PassageAsync(Corpus.GomelId)];
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task AskAsync_GoodAnswer_IsLlmAnswerWithVerifiedCitation()
    {
        server.OnChat = _ => FakeReply.Answer("Alexander Lukashenko gave the order [1].", false, (1, Corpus.GomelSentence1));

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.False(answer.Refused);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("Alexander Lukashenko gave the order [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(Corpus.GomelSentence1, citation.Quote);
        Assert.Equal(Corpus.GomelText[citation.Start..citation.End], citation.Quote);
        Assert.Equal(1, server.ChatCalls);
    }

    [Fact]
    public async Task AskAsync_Request_CarriesModelSchemaNumberedPassagesAndKey()
    {
        server.OnChat = _ => FakeReply.Answer("x [1].", false, (1, Corpus.GomelSentence1));

        await host.AnswerService.AskAsync(Question, CancellationToken.None);

        var request = server.LastChat;
        Assert.Equal("test-model", request.Json.GetProperty("model").GetString());
        Assert.Equal("json_schema", request.Json.GetProperty("response_format").GetProperty("type").GetString());
        Assert.Equal($"Bearer {TestHost.ApiKey}", request.Authorization);
        var messages = request.Messages;
        Assert.Equal(["system", "user"], messages.Select(m => m.Role));
        Assert.Contains("{\"answer\":", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("at most 3 quotes", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains($"BEGIN SOURCE [1]", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains($"Title: {Corpus.GomelTitle}", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains(Corpus.GomelText, messages[1].Content, StringComparison.Ordinal);
        Assert.Contains($"Question: {Question}", messages[1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_FabricatedQuote_DropsItsSentenceAndKeepsTheVerifiedOne()
    {
        server.OnChat = _ => FakeReply.Answer(
            "Lukashenko ordered it [1]. The ministry praised the doctors [2].",
            false,
            (1, Corpus.GomelSentence1),
            (2, "The health ministry praised the doctors warmly."));
        host.Retriever.Passages = [.. host.Retriever.Passages, .. host.Retriever.Passages];

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.False(answer.Refused);
        Assert.Equal("Lukashenko ordered it [1].", answer.Text);
        Assert.Equal(Corpus.GomelSentence1, Assert.Single(answer.Citations).Quote);
    }

    [Fact]
    public async Task AskAsync_OnlyFabricatedQuotes_IsRefusedAsUnverified()
    {
        server.OnChat = _ => FakeReply.Answer("The ministry praised the doctors [1].", false, (1, "The ministry praised the doctors."));

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.Unverified, answer.Reason);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AskAsync_ModelRefuses_IsRefusal()
    {
        server.OnChat = _ => FakeReply.Answer(string.Empty, true);

        var answer = await host.AnswerService.AskAsync("What is the capital of France?", CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.ModelRefused, answer.Reason);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
    }

    [Fact]
    public async Task AskAsync_QuoteWithOtherSpacingAndQuotationMarks_ShowsTheStoredText()
    {
        var loose = "\u201C" + Corpus.GomelSentence2.Replace(" ", "  ", StringComparison.Ordinal) + "\u201D";
        server.OnChat = _ => FakeReply.Answer("The wards were full [1].", false, (1, loose));

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        var citation = Assert.Single(answer.Citations);
        Assert.Equal(Corpus.GomelText[citation.Start..citation.End], citation.Quote);
        Assert.StartsWith("Local doctors said the wards were full", citation.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_GarbageReply_FallsBackToExtractiveWithNotice()
    {
        server.OnChat = _ => FakeReply.Chat("Sure! Lukashenko did it. (no JSON here)");

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Equal(AnswerService.FallbackNotice, answer.Notice);
        Assert.Equal(1, server.ChatCalls);
    }

    [Fact]
    public async Task AskAsync_NoPassages_RefusesWithoutCallingTheModel()
    {
        host.Retriever.Passages = [];

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal(0, server.ChatCalls);
    }

    [Fact]
    public async Task AskAsync_QuoteFromASourceThatWasNotGiven_IsDropped()
    {
        server.OnChat = _ => FakeReply.Answer("Lukashenko ordered it [7].", false, (7, Corpus.GomelSentence1));

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.Unverified, answer.Reason);
    }

    [Fact]
    public async Task AskAsync_MoreQuotesThanMaxQuotes_ShowsAtMostMaxQuotes()
    {
        var quotes = new[] { Corpus.GomelSentence2, "The health ministry did not comment.", "to treat wounded Russian soldiers in Gomel hospitals.", "On 12 March 2022, Alexander Lukashenko ordered Belarusian doctors" };
        server.OnChat = _ => FakeReply.Answer(
            "The wards were full by the end of the week [1]. The health ministry did not comment [1]. Wounded Russian soldiers were treated in Gomel hospitals [1]. "
            + "Alexander Lukashenko ordered Belarusian doctors on 12 March 2022 [1].",
            false,
            [.. quotes.Select(q => (1, q))]);

        var answer = await host.AnswerService.AskAsync(Question, CancellationToken.None);

        // Answering:MaxQuotes is 3: the fourth sentence needs a fourth quote, so it is not shown.
        Assert.Equal(quotes[..3], answer.Citations.Select(c => c.Quote));
        Assert.Equal("The wards were full by the end of the week [1]. The health ministry did not comment [2]. Wounded Russian soldiers were treated in Gomel hospitals [3].", answer.Text);
    }
}
