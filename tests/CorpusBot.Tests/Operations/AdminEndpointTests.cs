using System.Net;
using System.Net.Sockets;
using CorpusBot.Core.Storage;
using CorpusBot.Hosting;
using CorpusBot.Operations;
using CorpusBot.Tests.Telegram.Fakes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CorpusBot.Tests.Operations;

public sealed class AdminEndpointTests
{
    [Fact]
    public async Task RunningBot_HealthzAlive_ReadyzReadyWithEveryCheckNamed()
    {
        await using var bot = await BotHarness.StartAsync(AdminClient.OnDynamicPort);
        using var admin = new AdminClient(bot.Host);

        var (status, body) = await admin.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("\"service\":\"corpusbot\"", body, StringComparison.Ordinal);

        var ready = await admin.WaitForReadyAsync((s, _) => s == HttpStatusCode.OK);
        Assert.Equal("ready", (string?)ready["status"]);
        Assert.Empty(ready["failed"]!.AsArray());
        foreach (var check in new[] { "database", "embedding", "telegram" })
        {
            Assert.True((bool)ready["checks"]![check]!["ok"]!, check);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/nothing-here")).Status);
    }

    [Fact]
    public async Task BotApiFailing_ReadyzSays503Telegram_AndRecovers()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = await BotHarness.StartAsync(AdminClient.OnDynamicPort, api);
        using var admin = new AdminClient(bot.Host);
        await admin.WaitForReadyAsync((s, _) => s == HttpStatusCode.OK);

        api.FailNext("getUpdates", 502, "Bad Gateway", times: 1000);
        bot.Push(TelegramUpdates.Text(TelegramUpdates.Stranger, "wake the long poll")); // the poll in flight returns, the next one fails
        var body = await admin.WaitForReadyAsync((s, b) => s == HttpStatusCode.ServiceUnavailable && AdminClient.Failed(b, "telegram"));

        Assert.Equal("unready", (string?)body["status"]);
        Assert.Contains("getUpdates", (string?)body["checks"]!["telegram"]!["detail"], StringComparison.Ordinal);
        Assert.DoesNotContain(FakeBotApi.Token, body.ToJsonString(), StringComparison.Ordinal);
        Assert.False(AdminClient.Failed(body, "database"));
    }

    [Fact]
    public async Task DatabaseLocked_ReadyzSays503Database()
    {
        await using var bot = await BotHarness.StartAsync(s =>
        {
            AdminClient.OnDynamicPort(s);
            s["Hosting:DatabaseTimeout"] = "00:00:00.2";
        });
        using var admin = new AdminClient(bot.Host);
        await admin.WaitForReadyAsync((s, _) => s == HttpStatusCode.OK);

        await using (var holder = new SqliteConnection($"Data Source={bot.Get<SqliteConnectionFactory>().DatabasePath};Pooling=false"))
        {
            await holder.OpenAsync();
            await using var command = holder.CreateCommand();
            command.CommandText = "BEGIN IMMEDIATE;";
            await command.ExecuteNonQueryAsync();

            var (status, body) = await admin.ReadyAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal(["database"], body["failed"]!.AsArray().Select(n => (string?)n));
            Assert.Contains("locked", (string?)body["checks"]!["database"]!["detail"], StringComparison.Ordinal);

            command.CommandText = "ROLLBACK;";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(HttpStatusCode.OK, (await admin.ReadyAsync()).Status);
    }

    [Fact]
    public async Task EmbeddingModelMissing_ReadyzSays503Embedding()
    {
        var directory = Path.Combine(Path.GetTempPath(), "corpusbot-ops-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // The files exist when the settings are validated at start, and are gone when the model is first loaded.
            var model = Path.Combine(directory, "model.onnx");
            var vocab = Path.Combine(directory, "vocab.txt");
            await File.WriteAllTextAsync(model, "placeholder");
            await File.WriteAllTextAsync(vocab, "[PAD]\n[UNK]\n[CLS]\n[SEP]\n");
            var builder = CorpusBotHost.CreateBuilder([], new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = Path.Combine(directory, "bot.db"),
                ["Hosting:AdminUrl"] = "http://127.0.0.1:0",
                ["Embeddings:Provider"] = "Onnx",
                ["Embeddings:ModelPath"] = model,
                ["Embeddings:VocabPath"] = vocab,
            }, new ContentRoot(directory));
            builder.Services.AddCorpusBotOperations();
            using var host = builder.Build();
            await host.StartAsync();
            File.Delete(model);
            using var admin = new AdminClient(host);

            var (status, body) = await admin.ReadyAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.True(AdminClient.Failed(body, "embedding"), body.ToJsonString());
            Assert.Contains("not loaded", (string?)body["checks"]!["embedding"]!["detail"], StringComparison.Ordinal);
            await host.StopAsync();
        }
        finally
        {
            BotHarness.DeleteDirectory(directory);
        }
    }

    [Fact]
    public async Task AdminPortInUse_LoggedAndTheBotRunsOn()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        await using var bot = await BotHarness.StartAsync(s => s["Hosting:AdminUrl"] = $"http://127.0.0.1:{port}");

        Assert.Null(bot.Host.Services.GetServices<IHostedService>().OfType<AdminServer>().Single().Address);
        Assert.Contains(bot.Logs.GetSnapshot(), r => r.Message.Contains("Admin endpoint", StringComparison.Ordinal) && r.Message.Contains("could not start", StringComparison.Ordinal));
        await Corpus.LoadAsync(bot);
        var reply = await bot.AskAsync(TelegramUpdates.Stranger, "When was the lighthouse built?");
        Assert.Contains("1874", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondBotOnTheSameDatabase_RefusesToStart()
    {
        await using var first = await BotHarness.StartAsync();
        var e = await Assert.ThrowsAsync<CorpusBot.Core.CorpusBotException>(() => BotHarness.StartAsync(api: first.Api, directory: first.Directory));
        Assert.Contains("already running", e.Message, StringComparison.Ordinal);
    }
}
