using System.Globalization;
using System.Text.Json.Nodes;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Storage;
using CorpusBot.Hosting;
using CorpusBot.Telegram;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CorpusBot.Tests.Telegram.Fakes;

/// <summary>
/// The real bot host (built through <see cref="CorpusBotHost.BuildBot"/>, i.e. AddCorpusBot) with
/// a temp SQLite file, pointed at a <see cref="FakeBotApi"/>; only the answerer and logging are swapped.
/// </summary>
public sealed class BotHarness : IAsyncDisposable
{
    private readonly bool ownsApi;
    private readonly bool ownsDirectory;

    private BotHarness(FakeBotApi api, IHost host, string directory, bool ownsApi, bool ownsDirectory)
    {
        Api = api;
        Host = host;
        Directory = directory;
        this.ownsApi = ownsApi;
        this.ownsDirectory = ownsDirectory;
    }

    public FakeBotApi Api { get; }

    public IHost Host { get; }

    public string Directory { get; }

    public ScriptedAnswerer Answerer => (ScriptedAnswerer)Host.Services.GetRequiredService<IAnswerer>();

    public FakeLogCollector Logs => Host.Services.GetFakeLogCollector();

    /// <param name="clock">A fake clock for the whole bot (pacing, back-off, rate limits), for tests of waits.</param>
    /// <param name="realAnswerer">Keep the app's own answerer instead of the scripted one (end-to-end questions about new documents).</param>
    public static async Task<BotHarness> StartAsync(
        Action<Dictionary<string, string?>>? configure = null, FakeBotApi? api = null, string? directory = null, TimeProvider? clock = null, bool realAnswerer = false)
    {
        var ownsApi = api is null;
        var ownsDirectory = directory is null;
        api ??= await FakeBotApi.StartAsync();
        directory ??= Path.Combine(Path.GetTempPath(), "corpusbot-tg-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "seeds"));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(directory, "bot.db"),
            ["Embeddings:Provider"] = "Lexical", // fast; the bot's tests are not about meaning
            ["Telegram:Token"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "5",
            ["Telegram:ChatIntervalMs"] = "10",
            ["Telegram:GroupMessagesPerMinute"] = "1000",
            ["Telegram:GlobalMessagesPerSecond"] = "1000",
            ["Telegram:PollingRetryBaseMs"] = "50",
            ["Telegram:QuestionsPerMinute"] = "100",
            ["Hosting:AdminUrl"] = string.Empty, // off unless a test turns it on (never the fixed default port in tests)
            ["Roles:Moderators:0"] = TelegramUpdates.Moderator.ToString(CultureInfo.InvariantCulture),
            ["Roles:Maintainers:0"] = TelegramUpdates.Maintainer.ToString(CultureInfo.InvariantCulture),
        };
        configure?.Invoke(settings);
        var host = CorpusBotHost.BuildBot([], settings, new ContentRoot(directory), services =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
            if (!realAnswerer)
            {
                services.Replace(ServiceDescriptor.Singleton<IAnswerer, ScriptedAnswerer>());
            }

            if (clock is not null)
            {
                services.Replace(ServiceDescriptor.Singleton(clock));
            }
        });
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new BotHarness(api, host, directory, ownsApi, ownsDirectory);
    }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public void Push(JsonObject update) => Api.Push(update);

    public Task<IngestOutcome> IngestAsync(string id, string title, string text, string? url = null) =>
        Get<DocumentIngestor>().IngestAsync(new SourceDocument(id, title, text, url), "test", "test", CancellationToken.None);

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public async Task<string?> StringAsync(string sql)
    {
        await using var connection = await Get<SqliteConnectionFactory>().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    /// <summary>Pushes an update and waits for the next message the bot sends to <paramref name="chat"/>.</summary>
    public async Task<ApiCall> SendAsync(JsonObject update, long chat)
    {
        var skip = Api.Calls.Count;
        Push(update);
        return await Api.WaitForMessageAsync(chat, skip: skip);
    }

    /// <summary>Sends a question and waits for the bot's reply carrying the feedback buttons (the last part).</summary>
    public async Task<ApiCall> AskAsync(long user, string question, long? chat = null)
    {
        var skip = Api.Calls.Count;
        Push(TelegramUpdates.Text(user, question, chat));
        return await Api.WaitForAsync(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == (chat ?? user) && c.ButtonData.Count > 0, skip: skip);
    }

    /// <summary>Polls until the condition holds (for effects that land just after the reply is sent).</summary>
    /// <param name="timeout">A hang guard, not a target: generous (a minute by default), so a loaded machine only makes a passing test slower.</param>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromMinutes(1));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(20);
        }

        Assert.Fail("Condition not met in time.");
    }

    public async Task StopAsync() => await Host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        if (ownsApi)
        {
            await Api.DisposeAsync();
        }

        if (ownsDirectory)
        {
            DeleteDirectory(Directory);
        }
    }

    /// <summary>Deletes a test folder with its database and -wal/-shm files.</summary>
    public static void DeleteDirectory(string directory)
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A handle may linger a moment on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
