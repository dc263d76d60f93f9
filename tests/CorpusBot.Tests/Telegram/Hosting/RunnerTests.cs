using CorpusBot.Cli;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram;
using CorpusBot.Telegram.Hosting;
using CorpusBot.Tests.Telegram.Fakes;

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

    [Fact]
    public async Task TokenRefusedAtStart_OneLineWithoutTheToken_ExitConfiguration()
    {
        await using var api = await FakeBotApi.StartAsync();
        const string WrongToken = "1111111111:AAF-not_the_TOKEN_the_api_knows";
        var (code, output) = await RunBotAsync(WrongToken, api.BaseUrl);

        Assert.Equal(ExitCodes.Configuration, code);
        Assert.Equal(
            $"Telegram ({api.BaseUrl}) refused the token (401 Unauthorized). Check CORPUSBOT_Telegram__Token: copy it again from @BotFather.",
            output.Trim());
        Assert.DoesNotContain(WrongToken, output, StringComparison.Ordinal);
        Assert.DoesNotContain("1111111111", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "Bad Request: bad webhook: HTTPS url must be provided for webhook", ExitCodes.Configuration)]
    [InlineData(502, "Bad Gateway", ExitCodes.Failure)]
    public async Task BotApiErrorAtStart_OneLine_ConfigurationUnlessARetryMayPass(int status, string description, int expected)
    {
        await using var api = await FakeBotApi.StartAsync();
        api.FailNext("getMe", status, description);

        var (code, output) = await RunBotAsync(FakeBotApi.Token, api.BaseUrl);

        Assert.Equal(expected, code);
        Assert.Single(output.Trim().Split('\n'));
        Assert.Contains(description, output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBotApi.Token, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotApiUnreachableAtStart_OneLineWithoutTheToken_ExitFailure()
    {
        // A port that was just free: nothing listens there, so getMe is refused at once.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();

        var (code, output) = await RunBotAsync(FakeBotApi.Token, closed);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.StartsWith($"The bot could not start: the Telegram Bot API at {closed} did not answer (", output, StringComparison.Ordinal);
        Assert.EndsWith("Check the network and Telegram:ApiBaseUrl.", output.Trim(), StringComparison.Ordinal);
        Assert.Single(output.Trim().Split('\n'));
        Assert.DoesNotContain(FakeBotApi.Token, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    /// <summary>Runs `corpusbot bot` in this process on a fresh database (empty seeds, Lexical, no admin port) until it exits.</summary>
    private static async Task<(int Code, string Output)> RunBotAsync(string token, string apiBaseUrl)
    {
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "seeds"));
        using var error = new StringWriter();
        try
        {
            var code = await BotCommand.RunAsync(
                [],
                new Dictionary<string, string?>
                {
                    ["Storage:DatabasePath"] = Path.Combine(directory, "bot.db"),
                    ["Embeddings:Provider"] = "Lexical",
                    ["Hosting:AdminUrl"] = string.Empty,
                    ["Telegram:Token"] = token,
                    ["Telegram:ApiBaseUrl"] = apiBaseUrl,
                },
                CancellationToken.None, new ContentRoot(directory), error);
            return (code, error.ToString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
