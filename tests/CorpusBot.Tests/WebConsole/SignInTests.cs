using System.Net;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

public sealed class SignInTests
{
    private static readonly string[] Pages = ["/", "/review", "/answers", "/gaps", "/stats", "/documents", "/audit", "/document?id=" + Corpus.LighthouseId];

    [Fact]
    public async Task LinkFromTelegram_SignsIn_RedirectsHome_HardenedCookie_OnlyHashStored_Audited()
    {
        await using var console = await ConsoleHarness.StartAsync();
        var client = console.Client();
        var link = await console.LinkAsync(Moderator);
        var token = link.Query["?token=".Length..];

        var response = await client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("corpusbot_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http here
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(43, token.Length);
        Assert.Equal(0, await console.Bot.ScalarAsync($"SELECT count(*) FROM console_links WHERE token_hash = '{token}'"));
        Assert.Equal(1, await console.Bot.ScalarAsync("SELECT count(*) FROM console_links WHERE used_at IS NOT NULL AND user_id = 100"));
        Assert.Equal(1, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'console-sign-in' AND actor = 'telegram:100'"));

        var home = await client.GetStringAsync("/");
        Assert.Contains("Signed in as Telegram user <strong>100</strong> (moderator)", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReusedLink_Refused403_AndAudited_FirstSessionStillWorks()
    {
        await using var console = await ConsoleHarness.StartAsync();
        var link = await console.LinkAsync(Moderator);
        var first = console.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync(link.PathAndQuery)).StatusCode);

        var second = console.Client();
        var again = await second.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(again.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("corpusbot_console=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Forbidden, (await second.GetAsync("/review")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/review")).StatusCode);
        Assert.Equal(1, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'console-sign-in-refused' AND detail = 'link already used' AND actor = 'telegram:100'"));
    }

    [Fact]
    public async Task ExpiredLink_Refused403()
    {
        await using var console = await ConsoleHarness.StartAsync();
        var link = await console.LinkAsync(Moderator);
        await console.Bot.ScalarAsync("UPDATE console_links SET expires_at = '2000-01-01T00:00:00.0000000Z'; SELECT changes();");

        var response = await console.Client().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await console.Bot.ScalarAsync("SELECT count(*) FROM console_sessions"));
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/signin?token=")]
    [InlineData("/signin?token=abc")]
    [InlineData("/signin?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/signin?token=%27%20OR%201%3D1%20--AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ForgedLink_Refused403_NoSession(string path)
    {
        await using var console = await ConsoleHarness.StartAsync();

        var response = await console.Client().GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await console.Bot.ScalarAsync("SELECT count(*) FROM console_sessions"));
        Assert.Equal(1, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'console-sign-in-refused' AND detail = 'unknown link'"));
    }

    [Fact]
    public async Task PlainUser_GetsNoLink_AndNoPage()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);

        var reply = await console.Bot.SendAsync(Text(Stranger, "/console"), Stranger);
        var group = await console.Bot.SendAsync(Text(Moderator, "/console", Group), Group);

        Assert.Equal("Sorry, you're not allowed to do that.", reply.Text);
        Assert.Equal("This command works only in a private chat with me.", group.Text);
        Assert.Equal(0, await console.Bot.ScalarAsync("SELECT count(*) FROM console_links"));
        var client = console.Client();
        foreach (var page in Pages)
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("/console", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConsoleOff_CommandSaysSo()
    {
        await using var bot = await BotHarness.StartAsync();

        var reply = await bot.SendAsync(Text(Moderator, "/console"), Moderator);

        Assert.Contains("not enabled", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, await bot.ScalarAsync("SELECT count(*) FROM console_links"));
    }

    [Fact]
    public async Task LockedOutModerator_LosesAccessOnNextRequest()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        var client = await console.SignedInClientAsync(Moderator);
        var page = await client.GetStringAsync("/review");
        Assert.Contains("Answer #1", page, StringComparison.Ordinal);

        var configuration = (IConfigurationRoot)console.Bot.Host.Services.GetRequiredService<IConfiguration>();
        configuration["Roles:Moderators:0"] = "999";
        configuration.Reload();

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/review")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/")).StatusCode);
        var token = ConsoleHarness.TokenPattern().Match(page).Groups[1].Value;
        var post = await client.PostAsync("/review?handler=Decide", new FormUrlEncodedContent(
            [new("answerId", "1"), new("decision", "approve"), new("__af", System.Net.WebUtility.HtmlDecode(token))]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("pending", await console.Bot.StringAsync("SELECT review_status FROM answers WHERE id = 1"));
    }

    [Fact]
    public async Task SignInAttempts_RateLimited()
    {
        await using var console = await ConsoleHarness.StartAsync(s => s["Console:SignInAttemptsPerMinute"] = "3");
        var client = console.Client();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/signin?token=nope")).StatusCode);
        }

        var link = await console.LinkAsync(Moderator);
        var limited = await client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(0, await console.Bot.ScalarAsync("SELECT count(*) FROM console_links WHERE used_at IS NOT NULL"));
        Assert.Equal(3, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'console-sign-in-refused'"));
    }

    [Fact]
    public async Task SignOut_EndsTheSessionServerSide()
    {
        await using var console = await ConsoleHarness.StartAsync();
        var client = await console.SignedInClientAsync(Maintainer);

        var response = await ConsoleHarness.PostFormAsync(client, "/", "/signout", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await console.Bot.ScalarAsync("SELECT count(*) FROM console_sessions"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/")).StatusCode);
    }
}
