using System.Net;
using System.Text.RegularExpressions;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CorpusBot.Tests.WebConsole;

/// <summary>
/// A running bot (real host, temp SQLite, loopback Bot API) with the console on, plus the console on the
/// test server for endpoint tests. Sign-in goes the real way: /console in Telegram, the link from the
/// bot's message.
/// </summary>
public sealed partial class ConsoleHarness : IAsyncDisposable
{
    private ConsoleHarness(BotHarness bot)
    {
        Bot = bot;
        Factory = new ConsoleFactory(bot.Host.Services);
    }

    public BotHarness Bot { get; }

    public ConsoleFactory Factory { get; }

    public static async Task<ConsoleHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null, bool realAnswerer = false)
    {
        var bot = await BotHarness.StartAsync(
            s =>
            {
                s["Console:Url"] = "http://127.0.0.1:0";
                configure?.Invoke(s);
            },
            realAnswerer: realAnswerer);
        return new ConsoleHarness(bot);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public HttpClient Client() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Asks the bot for a sign-in link as <paramref name="user"/> and returns it as the bot sent it.</summary>
    public async Task<Uri> LinkAsync(long user)
    {
        var reply = await Bot.SendAsync(TelegramUpdates.Text(user, "/console"), user);
        var match = LinkPattern().Match(reply.Text ?? string.Empty);
        Assert.True(match.Success, "No sign-in link in: " + reply.Text);
        return new Uri(match.Value);
    }

    /// <summary>Signs the client in through a fresh link; asserts the redirect home.</summary>
    public async Task<HttpClient> SignedInClientAsync(long user)
    {
        var client = Client();
        var link = await LinkAsync(user);
        var response = await client.GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>Loads <paramref name="page"/>, takes the antiforgery token from its form, and posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        var html = await client.GetStringAsync(page);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, "No antiforgery token on " + page);
        var form = new List<KeyValuePair<string, string>>(fields) { new("__af", WebUtility.HtmlDecode(token.Groups[1].Value)) };
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Bot.DisposeAsync();
    }

    [GeneratedRegex(@"https?://\S+/signin\?token=[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("name=\"__af\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();
}
