using CorpusBot.Cli;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram;
using CorpusBot.Telegram.Hosting;

namespace CorpusBot.Tests.Telegram.Hosting;

public sealed class RunnerTests
{
    [Fact]
    public async Task MissingToken_FailsFastWithTheKeyAndTheFix()
    {
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        using var error = new StringWriter();
        try
        {
            var code = await BotCommand.RunAsync(
                [], new Dictionary<string, string?> { ["Storage:DatabasePath"] = Path.Combine(directory, "bot.db") },
                CancellationToken.None, new ContentRoot(directory), error);

            Assert.Equal(ExitCodes.Configuration, code);
            Assert.Equal("Missing configuration: Telegram:Token. Set CORPUSBOT_Telegram__Token.", error.ToString().Trim());
            Assert.False(File.Exists(Path.Combine(directory, "bot.db")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("s3cret", "s3cret", true)]
    [InlineData("s3cret", "S3CRET", false)]
    [InlineData("s3cre", "s3cret", false)]
    [InlineData("s3cret ", "s3cret", false)]
    [InlineData(null, "s3cret", false)]
    [InlineData("", "", false)]
    public void WebhookSecret_MatchesExactlyOnly(string? presented, string expected, bool matches)
    {
        Assert.Equal(matches, WebhookSecret.Matches(presented, expected));
    }
}
