using System.Net;
using System.Text;
using CorpusBot.Telegram.Hosting;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.Telegram;

public sealed class WebhookTests
{
    private const string Secret = "s3cret_Token-42";

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    [InlineData("s3cret_Token")]
    [InlineData("S3CRET_TOKEN-42")]
    public async Task WrongOrMissingSecret_Gets403_AndNothingIsWrittenOrSent(string? presented)
    {
        await using var bot = await StartAsync();
        using var http = new HttpClient();

        var response = await http.SendAsync(Post(bot, presented, Text(Stranger, "/help").ToJsonString()));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // Sentinel: a good request after the bad one is recorded and answered; by then the bad one would have been too.
        await http.SendAsync(Post(bot, Secret, Text(Maintainer, "/help").ToJsonString()));
        await bot.Api.WaitForMessageAsync(Maintainer);
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM telegram_updates"));
        Assert.Empty(bot.Api.SentTo(Stranger));
    }

    [Fact]
    public async Task RightSecret_Gets200_RecordsAndAnswers_AndWebhookWasRegistered()
    {
        await using var bot = await StartAsync();
        using var http = new HttpClient();
        var update = Text(Stranger, "/help");

        var response = await http.SendAsync(Post(bot, Secret, update.ToJsonString()));
        var again = await http.SendAsync(Post(bot, Secret, update.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await bot.Api.WaitForMessageAsync(Stranger);
        Assert.Equal(1, await bot.ScalarAsync("SELECT count(*) FROM telegram_updates"));
        var registered = Assert.Single(bot.Api.CallsTo("setWebhook"));
        Assert.Equal("https://bot.example.org/telegram/webhook", (string?)registered.Body["url"]);
        Assert.Equal(Secret, (string?)registered.Body["secret_token"]);
        Assert.Empty(bot.Api.CallsTo("getUpdates"));
        // Sentinel in the same chat: once it is answered, a second answer to the redelivered update would be there.
        await http.SendAsync(Post(bot, Secret, Text(Stranger, "/start").ToJsonString()));
        await BotHarness.WaitUntilAsync(() => Task.FromResult(bot.Api.SentTo(Stranger).Count >= 2));
        Assert.Equal(2, bot.Api.SentTo(Stranger).Count);
    }

    private static Task<BotHarness> StartAsync() => BotHarness.StartAsync(s =>
    {
        s["Telegram:Mode"] = "Webhook";
        s["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook";
        s["Telegram:WebhookListenUrl"] = "http://127.0.0.1:0";
        s["Telegram:SecretToken"] = Secret;
    });

    private static HttpRequestMessage Post(BotHarness bot, string? secret, string json)
    {
        var address = bot.Get<WebhookServer>().Address!;
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/telegram/webhook"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSecret.HeaderName, secret);
        }

        return request;
    }
}
