using System.Net;
using System.Net.Sockets;
using CorpusBot.Core.Storage;
using CorpusBot.Tests.Cli;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Tests.Operations;

/// <summary>`corpusbot doctor` as the operator runs it: a separate process, configured by environment variables.</summary>
public sealed class DoctorTests
{
    [Fact]
    public async Task Doctor_GoodSetUpWithTheBotRunning_EveryLinePassesExitZero()
    {
        var backups = Path.Combine(Path.GetTempPath(), "corpusbot-doctor-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(backups);
        try
        {
            await using var bot = await BotHarness.StartAsync(AdminClient.OnDynamicPort);
            await Corpus.LoadAsync(bot);
            var adminUrl = bot.Host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<CorpusBot.Operations.AdminServer>().Single().Address!;

            var result = await CliRunner.RunAsync(["doctor", "--db", bot.Get<SqliteConnectionFactory>().DatabasePath], environment: new Dictionary<string, string>
            {
                ["CORPUSBOT_Telegram__Token"] = FakeBotApi.Token,
                ["CORPUSBOT_Telegram__ApiBaseUrl"] = bot.Api.BaseUrl,
                ["CORPUSBOT_Hosting__AdminUrl"] = adminUrl.GetLeftPart(UriPartial.Authority),
                ["CORPUSBOT_Backup__Directory"] = backups,
            });

            Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('✓') || l.StartsWith('✗')).ToList();
            Assert.All(lines, l => Assert.StartsWith("✓", l, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("✓ database: ", StringComparison.Ordinal) && l.Contains("quick_check ok", StringComparison.Ordinal) && l.Contains("1 documents", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("✓ telegram token: ", StringComparison.Ordinal) && l.Contains("@" + FakeBotApi.BotUsername, StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("✓ telegram webhook: ", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("✓ admin endpoint: ", StringComparison.Ordinal) && l.Contains("running CorpusBot", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("✓ backups: ", StringComparison.Ordinal));
            Assert.DoesNotContain(FakeBotApi.Token, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(backups, recursive: true);
        }
    }

    [Fact]
    public async Task Doctor_WrongTokenUnreachableEndpointReadOnlyFolder_EachItsOwnLineExitOne()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var temp = new TempFolder();
        var closedPort = ClosedPort();
        var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        try
        {
            const string WrongToken = "1111111111:AAwrong-token-for-the-doctor";
            var result = await CliRunner.RunAsync(["doctor"], environment: new Dictionary<string, string>
            {
                // /proc exists and nobody, root included, can create a file in it: a read-only folder.
                ["CORPUSBOT_Storage__DatabasePath"] = "/proc/corpusbot-doctor.db",
                ["CORPUSBOT_Telegram__Token"] = WrongToken,
                ["CORPUSBOT_Telegram__ApiBaseUrl"] = api.BaseUrl,
                ["CORPUSBOT_Chat__Provider"] = "OpenAI",
                ["CORPUSBOT_Chat__Endpoint"] = $"http://127.0.0.1:{closedPort}/v1",
                ["CORPUSBOT_Chat__Model"] = "tiny",
                ["CORPUSBOT_Hosting__AdminUrl"] = $"http://127.0.0.1:{((IPEndPoint)squatter.LocalEndpoint).Port}",
                ["CORPUSBOT_Backup__Directory"] = temp.Write("not-a-folder", "a file where the backup folder should be"),
            });

            Assert.Equal(1, result.ExitCode);
            var failed = result.Stdout.Split('\n').Where(l => l.StartsWith('✗')).ToList();
            Assert.Contains(failed, l => l.StartsWith("✗ database folder: cannot write in /proc", StringComparison.Ordinal));
            Assert.Contains(failed, l => l.StartsWith("✗ chat endpoint: ", StringComparison.Ordinal) && l.Contains("unreachable", StringComparison.Ordinal));
            Assert.Contains(failed, l => l.StartsWith("✗ telegram token: rejected", StringComparison.Ordinal) && l.Contains("CORPUSBOT_Telegram__Token", StringComparison.Ordinal));
            Assert.Contains(failed, l => l.StartsWith("✗ admin endpoint: port", StringComparison.Ordinal) && l.Contains("another program", StringComparison.Ordinal));
            Assert.Contains(failed, l => l.StartsWith("✗ backups: ", StringComparison.Ordinal));
            Assert.Equal(5, failed.Count);
            Assert.DoesNotContain(WrongToken, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            squatter.Stop();
        }
    }

    [Fact]
    public async Task Doctor_DamagedDatabase_SaysRestoreABackup()
    {
        using var temp = new TempFolder();
        var database = temp.Write("corpus.db", "SQLite format 3\0" + new string('x', 5000));

        var result = await CliRunner.RunAsync(["doctor", "--db", database, "--Hosting:AdminUrl="]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("✗ database: ", StringComparison.Ordinal) && l.Contains("corpusbot restore", StringComparison.Ordinal));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
