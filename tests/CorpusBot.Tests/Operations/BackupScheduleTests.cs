using System.Net;
using CorpusBot.Core.Storage;
using CorpusBot.Operations;
using CorpusBot.Tests.Telegram.Fakes;

namespace CorpusBot.Tests.Operations;

public sealed class BackupScheduleTests
{
    [Fact]
    public async Task ShortInterval_BackupsAppear_PassIntegrityCheck_AndAreRotated()
    {
        var folder = Path.Combine(Path.GetTempPath(), "corpusbot-backups-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var bot = await BotHarness.StartAsync(s =>
            {
                s["Backup:Directory"] = folder;
                s["Backup:Interval"] = "00:00:01";
                s["Backup:Keep"] = "2";
            });
            await Corpus.LoadAsync(bot);

            // Rotation has happened once a backup other than the first two exists and only two are left.
            var seen = new HashSet<string>();
            IReadOnlyList<string> current = [];
            await BotHarness.WaitUntilAsync(() =>
            {
                current = BackupScheduler.List(folder);
                seen.UnionWith(current);
                return Task.FromResult(seen.Count >= 3 && current.Count == 2);
            }, TimeSpan.FromSeconds(20));

            Assert.Equal(2, current.Count);
            foreach (var backup in current)
            {
                Assert.Null(await DatabaseBackup.CheckAsync(backup, CancellationToken.None));
            }

            Assert.Empty(Directory.GetFiles(folder, "*" + DatabaseBackup.PartialSuffix));
            Assert.Contains(seen.Order(StringComparer.Ordinal).First(), seen.Except(current)); // the oldest went first
        }
        finally
        {
            BotHarness.DeleteDirectory(folder);
        }
    }

    [Fact]
    public async Task FailingBackups_LoggedShownByReadyzAfterTwo_BotKeepsAnswering()
    {
        var blocker = Path.GetTempFileName(); // a file where the backup folder should be: every backup fails
        try
        {
            await using var bot = await BotHarness.StartAsync(s =>
            {
                AdminClient.OnDynamicPort(s);
                s["Backup:Directory"] = Path.Combine(blocker, "backups");
                s["Backup:Interval"] = "00:00:01";
            });
            using var admin = new AdminClient(bot.Host);

            var body = await admin.WaitForReadyAsync((s, b) => s == HttpStatusCode.ServiceUnavailable && AdminClient.Failed(b, "backups"));

            Assert.Contains("scheduled backups failed", (string?)body["checks"]!["backups"]!["detail"], StringComparison.Ordinal);
            Assert.Contains(bot.Logs.GetSnapshot(), r => r.Level == Microsoft.Extensions.Logging.LogLevel.Error && r.Message.Contains("Scheduled backup", StringComparison.Ordinal));
            await Corpus.LoadAsync(bot);
            var reply = await bot.AskAsync(TelegramUpdates.Stranger, "When was the lighthouse built?");
            Assert.Contains("1874", reply.Text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
