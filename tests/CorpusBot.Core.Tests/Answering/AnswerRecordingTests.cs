using CorpusBot.Core.Answering;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>AnswerService is the one place answers are recorded, with the same codes whoever asks.</summary>
public sealed class AnswerRecordingTests
{
    [Fact]
    public async Task AskAndRecordAsync_WritesOneRowWithCodesContextAndQuotes()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();

        var (id, answer) = await corpus.Get<AnswerService>().AskAndRecordAsync(
            "Who ordered Belarusian doctors to treat wounded Russian soldiers?", new AnswerContext("telegram", 7, 8, 9), CancellationToken.None);

        Assert.False(answer.Refused);
        var row = await RowAsync(corpus, id);
        Assert.Equal(("telegram", 7L, 0L, (string?)null, "extractive"), (row.Channel, row.ChatId, row.Refused, row.Reason, row.Mode));
        // The quote is stored as JSON (curly quotes escaped), so compare it decoded.
        using var stored = System.Text.Json.JsonDocument.Parse(row.Citations);
        Assert.Contains(stored.RootElement.EnumerateArray(), c => c.GetProperty("Quote").GetString() == answer.Citations[0].Quote);
    }

    [Fact]
    public async Task AskAndRecordAsync_RefusalsAndInvalidQuestions_AreRecordedWithTheirReasonCode()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();
        var service = corpus.Get<AnswerService>();

        var (refusedId, _) = await service.AskAndRecordAsync("Write a poem about spring", new AnswerContext("cli"), CancellationToken.None);
        var (invalidId, invalid) = await service.AskAndRecordAsync("   ", new AnswerContext("cli"), CancellationToken.None);

        Assert.Equal("out_of_scope", (await RowAsync(corpus, refusedId)).Reason);
        Assert.Equal(RefusalReason.InvalidQuestion, invalid.Reason);
        Assert.Equal("invalid_question", (await RowAsync(corpus, invalidId)).Reason);
    }

    [Fact]
    public async Task AskAsync_RecordsNothing()
    {
        await using var corpus = await TestCorpus.WithSeedsAsync();

        await corpus.Get<AnswerService>().AskAsync("Who ordered Belarusian doctors to treat wounded Russian soldiers?", CancellationToken.None);

        await using var connection = await corpus.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM answers;";
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    private static async Task<(string Channel, long? ChatId, long Refused, string? Reason, string Mode, string Citations)> RowAsync(TestCorpus corpus, long id)
    {
        await using var connection = await corpus.Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT channel, chat_id, refused, reason, mode, citations FROM answers WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2),
            reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetString(5));
    }
}
