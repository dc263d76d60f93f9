using System.Net;
using System.Net.Sockets;
using CorpusBot.Tests.Cli;
using CorpusBot.Tests.Telegram.Fakes;
using CorpusBot.WebConsole;
using Microsoft.Extensions.Logging;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

/// <summary>How the console is hosted: beside the bot, behind a proxy, alone from the command line.</summary>
public sealed class ConsoleHostingTests
{
    [Fact]
    public async Task PortInUse_IsLogged_AndTheBotRunsOnWithoutTheConsole()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var bot = await BotHarness.StartAsync(s => s["Console:Url"] = $"http://127.0.0.1:{port}");
        await Corpus.LoadAsync(bot);

        var answer = await bot.AskAsync(Stranger, "When was it built?");

        Assert.Contains("1874", answer.Text, StringComparison.Ordinal);
        Assert.Null(bot.Get<ConsoleServer>().Address);
        Assert.Contains(bot.Logs.GetSnapshot(), r => r.Level == LogLevel.Error && r.Message.Contains($"127.0.0.1:{port} could not be bound", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesWithForms_NotCached_AndNoAntiforgeryWarningInTheLog()
    {
        await using var console = await ConsoleHarness.StartAsync();
        var client = await console.SignedInClientAsync(Maintainer);

        var home = await client.GetAsync("/");
        var documents = await client.GetAsync("/documents");

        foreach (var response in new[] { home, documents })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
            Assert.Contains("name=\"__af\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Antiforgery rewrites cache headers it does not like and warns each time (event 8): operators would see one per page view.
        Assert.DoesNotContain(console.Bot.Logs.GetSnapshot(), r => r.Level >= LogLevel.Warning && r.Category?.Contains("Antiforgery", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task BehindATlsProxy_LinksUsePublicUrl_WithItsPath_AndTheCookieIsSecure()
    {
        await using var console = await ConsoleHarness.StartAsync(s => s["Console:PublicUrl"] = "https://bot.example.org/console/");
        var link = await console.LinkAsync(Moderator);
        Assert.StartsWith("https://bot.example.org/console/signin?token=", link.AbsoluteUri, StringComparison.Ordinal);
        var client = console.Client();

        // The proxy passes the path on; Kestrel sees plain http.
        var response = await client.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/", response.Headers.Location?.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("corpusbot_console=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Cli_ConsoleLink_PrintsALink_OnlyForStaff()
    {
        var folder = Path.Combine(Path.GetTempPath(), "corpusbot-console-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            string[] settings = ["--db", Path.Combine(folder, "c.db"), "--Console:Url=http://127.0.0.1:8081", "--Roles:Maintainers:0=200"];
            var staff = await CliRunner.RunAsync(["console", "link", "200", .. settings]);
            var stranger = await CliRunner.RunAsync(["console", "link", "300", .. settings]);
            var off = await CliRunner.RunAsync(["console", "link", "200", "--db", Path.Combine(folder, "c.db")]);

            Assert.Equal(0, staff.ExitCode);
            Assert.Matches(@"^http://127\.0\.0\.1:8081/signin\?token=[A-Za-z0-9_-]{43}\s*$", staff.Stdout);
            Assert.Equal(4, stranger.ExitCode);
            Assert.Contains("neither in Roles:Moderators nor in Roles:Maintainers", stranger.Stderr, StringComparison.Ordinal);
            Assert.Equal(4, off.ExitCode);
            Assert.Contains("Console:Url is empty", off.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            BotHarness.DeleteDirectory(folder);
        }
    }
}
