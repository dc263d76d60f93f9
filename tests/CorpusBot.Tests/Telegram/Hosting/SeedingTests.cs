using CorpusBot.Core.Storage;
using CorpusBot.Tests.Telegram.Fakes;

namespace CorpusBot.Tests.Telegram.Hosting;

public sealed class SeedingTests
{
    [Fact]
    public async Task EmptyDatabase_SeedsAreIngestedBeforeTheBotTakesUpdates()
    {
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, "seeds"));
        await File.WriteAllTextAsync(Path.Combine(directory, "seeds", "tides.txt"), "High tide at Cape Mira is at noon. Low tide follows six hours later.");
        try
        {
            await using var bot = await BotHarness.StartAsync(directory: directory);

            var documents = await bot.Get<DocumentStore>().ListAsync(CancellationToken.None);

            Assert.Equal("tides", Assert.Single(documents).Id);
        }
        finally
        {
            BotHarness.DeleteDirectory(directory);
        }
    }
}
