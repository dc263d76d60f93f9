using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering.ShortAnswers;

/// <summary>The answer log keeps the short answer the asker saw, so moderators review the same thing.</summary>
public sealed class ShortAnswerLogTests
{
    private static readonly Citation Quote = new("doc", "Doc", "They kept 250 beds free.", 100, 124);

    [Fact]
    public async Task AskAndRecord_StoresTheShortAnswers_ReadBackEqual()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();

        var (id, answer) = await corpus.Get<AnswerService>().AskAndRecordAsync(
            "Who ordered Belarusian doctors to treat wounded Russian soldiers?", new AnswerContext("cli"), CancellationToken.None);

        Assert.NotEmpty(answer.ShortAnswers);
        await using var connection = await corpus.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT short_answers FROM answers WHERE id = {id};";
        var json = (string)(await command.ExecuteScalarAsync())!;
        Assert.Equal(answer.ShortAnswers, ShortAnswer.FromJson(json, answer.Citations));
    }

    [Fact]
    public void ToJson_None_IsNull() => Assert.Null(ShortAnswer.ToJson([]));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[{\"text\":\"300 beds\",\"citation\":0,\"start\":110,\"end\":118}]")] // not the quote's text there
    [InlineData("[{\"text\":\"250 beds\",\"citation\":3,\"start\":110,\"end\":118}]")] // no such citation
    public void FromJson_MissingOrNotInsideItsQuote_GivesNone(string? json) => Assert.Empty(ShortAnswer.FromJson(json, [Quote]));

    [Fact]
    public void FromJson_InsideItsQuote_Kept() =>
        Assert.Equal("250 beds", Assert.Single(ShortAnswer.FromJson("[{\"text\":\"250 beds\",\"citation\":0,\"start\":110,\"end\":118}]", [Quote])).Text);
}
