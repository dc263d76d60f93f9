using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Tests.Telegram.Fakes;

/// <summary>
/// A loopback stand-in for the Telegram Bot API, good enough for the real Telegram.Bot client:
/// getMe, getUpdates (long polling), sendMessage, editMessageText, sendChatAction,
/// answerCallbackQuery, getFile and file download, set/deleteWebhook; injected errors (429 with
/// retry_after, 400 "can't parse entities", 500); plus plain pages for /add URL. Records every call.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "4242424242:AAF-secret_TOKEN_value-xyz";
    public const long BotId = 4242424242;
    public const string BotUsername = "corpus_test_bot";

    /// <summary>Telegram's limit on a message's text, after entity parsing.</summary>
    public const int MaxMessageLength = 4096;

    private readonly WebApplication app;
    private readonly Lock gate = new();
    private readonly List<JsonObject> pending = [];
    private readonly ConcurrentQueue<ApiCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Code, string Description, int? RetryAfter, long? ChatId)>> failures = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int nextMessageId = 1000;

    private FakeBotApi(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Files served by getFile and download: file_id → (file_path, content, size getFile reports).</summary>
    public ConcurrentDictionary<string, (string Path, byte[] Content, long? ReportedSize)> Files { get; } = new();

    /// <summary>Plain web pages, by path (e.g. "/page.html"), for /add URL.</summary>
    public ConcurrentDictionary<string, (string ContentType, string Body)> Pages { get; } = new();

    /// <summary>Binary pages served at a path (PDF, Word): path → (content type, bytes).</summary>
    public ConcurrentDictionary<string, (string ContentType, byte[] Body)> BinaryPages { get; } = new();

    public ConcurrentQueue<string> Downloads { get; } = new();

    /// <summary>Paths of the pages requested (/add URL).</summary>
    public ConcurrentQueue<string> PageRequests { get; } = new();

    public IReadOnlyList<ApiCall> Calls => [.. calls];

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return fake;
    }

    public IReadOnlyList<ApiCall> CallsTo(string method) => [.. calls.Where(c => c.Method == method)];

    /// <summary>The successful sendMessage calls to a chat.</summary>
    public IReadOnlyList<ApiCall> SentTo(long chatId) => [.. calls.Where(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == chatId)];

    public void Push(JsonObject update)
    {
        lock (gate)
        {
            pending.Add(update);
            changed.TrySetResult();
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> (to <paramref name="chatId"/> only, when given) fail with this error.</summary>
    public void FailNext(string method, int code, string description, int? retryAfter = null, int times = 1, long? chatId = null)
    {
        var queue = failures.GetOrAdd(method, _ => new());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue((code, description, retryAfter, chatId));
        }
    }

    /// <summary>Stamps <see cref="ApiCall.At"/>; a fake clock in tests that run the bot on one.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Runs before a method call is answered (e.g. to stop the bot right after a message is "sent").</summary>
    public Func<string, JsonObject, Task>? BeforeAnswer { get; set; }

    /// <summary>Waits until a recorded call matches; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<ApiCall> WaitForAsync(Func<ApiCall, bool> match, TimeSpan? timeout = null, int skip = 0)
    {
        // A hang guard, not a target: generous, so a loaded machine only makes a passing test slower.
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromMinutes(1));
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (calls.Skip(skip).FirstOrDefault(match) is { } call)
            {
                return call;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The bot did not make the expected call. Calls: " + string.Join(", ", calls.Select(c => c.Method + ":" + c.Text)));
    }

    public Task<ApiCall> WaitForMessageAsync(long chatId, Func<string, bool>? text = null, int skip = 0) =>
        WaitForAsync(c => c.Method == "sendMessage" && c.Succeeded && c.ChatId == chatId && (text is null || text(c.Text ?? string.Empty)), skip: skip);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (Pages.TryGetValue(path, out var page))
        {
            PageRequests.Enqueue(path);
            context.Response.ContentType = page.ContentType;
            await context.Response.WriteAsync(page.Body);
            return;
        }

        if (BinaryPages.TryGetValue(path, out var binary))
        {
            context.Response.ContentType = binary.ContentType;
            await context.Response.Body.WriteAsync(binary.Body);
            return;
        }

        var filePrefix = $"/file/bot{Token}/";
        if (path.StartsWith(filePrefix, StringComparison.Ordinal))
        {
            var filePath = path[filePrefix.Length..];
            var file = Files.Values.FirstOrDefault(f => f.Path == filePath);
            Downloads.Enqueue(filePath);
            if (file.Content is null)
            {
                context.Response.StatusCode = 404;
                return;
            }

            await context.Response.Body.WriteAsync(file.Content);
            return;
        }

        var prefix = $"/bot{Token}/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            await WriteAsync(context, Error(401, "Unauthorized"), 401);
            return;
        }

        var method = path[prefix.Length..];
        using var reader = new StreamReader(context.Request.Body);
        var raw = await reader.ReadToEndAsync(context.RequestAborted);
        var body = string.IsNullOrWhiteSpace(raw) ? [] : JsonNode.Parse(raw) as JsonObject ?? [];
        if (failures.TryGetValue(method, out var queue) && queue.TryPeek(out var next)
            && (next.ChatId is not { } only || only.ToString(CultureInfo.InvariantCulture) == body["chat_id"]?.ToString()) && queue.TryDequeue(out var failure))
        {
            calls.Enqueue(new ApiCall(method, body, Clock.GetUtcNow(), failure.Code));
            var error = Error(failure.Code, failure.Description);
            if (failure.RetryAfter is { } retry)
            {
                error["parameters"] = new JsonObject { ["retry_after"] = retry };
            }

            await WriteAsync(context, error, failure.Code);
            return;
        }

        if (method is "sendMessage" or "editMessageText" && TextLengthAfterParsing(body) > MaxMessageLength)
        {
            // As Telegram: the limit is counted on the text after entity parsing.
            calls.Enqueue(new ApiCall(method, body, Clock.GetUtcNow(), 400));
            await WriteAsync(context, Error(400, "Bad Request: message is too long"), 400);
            return;
        }

        JsonNode? result;
        if (method == "getUpdates")
        {
            calls.Enqueue(new ApiCall(method, body, Clock.GetUtcNow(), 200));
            result = await GetUpdatesAsync(body, context.RequestAborted);
        }
        else
        {
            if (BeforeAnswer is { } hook)
            {
                await hook(method, body);
            }

            result = Result(method, body);
            calls.Enqueue(new ApiCall(method, body, Clock.GetUtcNow(), 200) { MessageId = result is JsonObject o ? (int?)o["message_id"] : null });
        }

        await WriteAsync(context, new JsonObject { ["ok"] = true, ["result"] = result }, 200);
    }

    private JsonNode? Result(string method, JsonObject body) => method switch
    {
        "getMe" => new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "CorpusBot", ["username"] = BotUsername },
        "sendMessage" or "editMessageText" => SentMessage(method, body),
        "getFile" => FileInfo((string?)body["file_id"] ?? string.Empty),
        "getWebhookInfo" => new JsonObject { ["url"] = string.Empty, ["has_custom_certificate"] = false, ["pending_update_count"] = 0 },
        _ => true,
    };

    private JsonObject SentMessage(string method, JsonObject body)
    {
        var chatId = long.Parse(body["chat_id"]!.ToString(), CultureInfo.InvariantCulture);
        var id = method == "editMessageText" ? (int)body["message_id"]! : Interlocked.Increment(ref nextMessageId);
        return new JsonObject
        {
            ["message_id"] = id,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" },
            ["from"] = new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "CorpusBot", ["username"] = BotUsername },
            ["text"] = (string?)body["text"] ?? string.Empty,
        };
    }

    private JsonObject? FileInfo(string fileId) =>
        Files.TryGetValue(fileId, out var f)
            ? new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = "u" + fileId, ["file_size"] = f.ReportedSize ?? f.Content.Length, ["file_path"] = f.Path }
            : null;

    private async Task<JsonNode> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = (int?)body["offset"];
        var timeout = TimeSpan.FromSeconds((int?)body["timeout"] ?? 0);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (offset is { } o)
                {
                    pending.RemoveAll(u => (int)u["update_id"]! < o);
                }

                if (pending.Count > 0 || DateTimeOffset.UtcNow >= deadline)
                {
                    return new JsonArray([.. pending.Select(u => u.DeepClone())]);
                }

                if (changed.Task.IsCompleted)
                {
                    changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                wait = changed.Task;
            }

            var left = deadline - DateTimeOffset.UtcNow;
            try
            {
                await wait.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, aborted);
            }
            catch (TimeoutException)
            {
                // Long poll over: answer with whatever there is (nothing).
            }
        }
    }

    private static int TextLengthAfterParsing(JsonObject body)
    {
        var text = (string?)body["text"] ?? string.Empty;
        return (string?)body["parse_mode"] == "HTML"
            ? System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(text, "<[^>]*>", string.Empty)).Length
            : text.Length;
    }

    private static JsonObject Error(int code, string description) =>
        new() { ["ok"] = false, ["error_code"] = code, ["description"] = description };

    private static async Task WriteAsync(HttpContext context, JsonObject json, int status)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json.ToJsonString());
    }
}
