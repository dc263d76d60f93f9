using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram;
using ChatOptions = CorpusBot.Providers.Chat.ChatOptions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace CorpusBot.Operations.Doctor;

/// <summary>
/// `corpusbot doctor`: everything an operator would check by hand before (or while) running the bot,
/// one line each, with what to do about a failure. Reads and asks, never writes: the database is
/// opened read-only, the chat endpoint gets one tiny call, Telegram getMe and getWebhookInfo.
/// </summary>
internal sealed class Doctor(IServiceProvider services, ContentRoot root)
{
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(15);

    public async IAsyncEnumerable<DoctorCheck> RunAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var database = root.Resolve(storage.DatabasePath);
        foreach (var check in DatabaseChecks.Folder("database folder", Path.GetDirectoryName(database)!, "Storage:DatabasePath"))
        {
            yield return check;
        }

        var (databaseCheck, vectors) = await DatabaseChecks.DatabaseAsync(database, cancellationToken);
        yield return databaseCheck;

        var (modelCheck, model) = EmbeddingModelCheck();
        yield return modelCheck;
        if (model is not null && databaseCheck.Ok)
        {
            yield return DatabaseChecks.Vectors(vectors, model);
        }

        yield return await ChatAsync(cancellationToken);
        foreach (var check in await TelegramAsync(cancellationToken))
        {
            yield return check;
        }

        yield return await AdminPortAsync(cancellationToken);
        yield return BackupFolder();
    }

    private (DoctorCheck Check, string? Model) EmbeddingModelCheck()
    {
        try
        {
            var embedder = services.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();
            var model = EmbeddingModel.IdOf(embedder);
            return (DoctorCheck.Pass("embedding model", $"{model} loads."), model);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (DoctorCheck.Fail("embedding model", $"does not load: {e.Message} Check the Embeddings settings (model files, endpoint)."), null);
        }
    }

    private async Task<DoctorCheck> ChatAsync(CancellationToken cancellationToken)
    {
        const string Name = "chat endpoint";
        var chat = services.GetRequiredService<IOptions<ChatOptions>>().Value;
        if (!chat.IsEnabled)
        {
            return DoctorCheck.Pass(Name, "none configured (Chat:Provider None): answers are quotes only.");
        }

        var url = new Uri(chat.Endpoint!.TrimEnd('/') + "/chat/completions");
        using var http = new HttpClient { Timeout = NetworkTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(new { model = chat.Model, messages = new[] { new { role = "user", content = "Reply with OK." } }, max_tokens = 1 }),
        };
        if (!string.IsNullOrWhiteSpace(chat.ApiKey))
        {
            request.Headers.Authorization = new("Bearer", chat.ApiKey);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            return response.StatusCode switch
            {
                _ when response.IsSuccessStatusCode => DoctorCheck.Pass(Name, $"{chat.Endpoint} answered a one-token call with model {chat.Model}."),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => DoctorCheck.Fail(Name, $"{chat.Endpoint} refused the key (HTTP {status}). Check CORPUSBOT_Chat__ApiKey."),
                HttpStatusCode.NotFound => DoctorCheck.Fail(Name, $"{url} answered 404: check Chat:Model ({chat.Model}) and that Chat:Endpoint ends in /v1."),
                _ => DoctorCheck.Fail(Name, $"{chat.Endpoint} answered HTTP {status} to a one-token call with model {chat.Model}."),
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return DoctorCheck.Fail(Name, $"{chat.Endpoint} is unreachable ({e.Message}). Is the model server running, and is Chat:Endpoint right?");
        }
    }

    private async Task<IReadOnlyList<DoctorCheck>> TelegramAsync(CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var redactor = services.GetRequiredService<TokenRedactor>();
        if (string.IsNullOrWhiteSpace(options.Token))
        {
            return [DoctorCheck.Fail("telegram token", "not set: `corpusbot bot` needs CORPUSBOT_Telegram__Token (from @BotFather).")];
        }

        if (TelegramOptions.TokenProblem(options.Token) is { } problem)
        {
            return [DoctorCheck.Fail("telegram token", problem)];
        }

        using var http = new HttpClient { Timeout = NetworkTimeout };
        var bot = new TelegramBotClient(new TelegramBotClientOptions(options.Token, options.ApiBaseUrl), http);
        try
        {
            var me = await bot.GetMe(cancellationToken);
            var checks = new List<DoctorCheck> { DoctorCheck.Pass("telegram token", $"accepted: the bot is @{me.Username} (id {me.Id}).") };
            var hook = await bot.GetWebhookInfo(cancellationToken);
            checks.Add(WebhookCheck(options, hook));
            return checks;
        }
        catch (ApiRequestException e) when (e.ErrorCode is 401 or 404)
        {
            return [DoctorCheck.Fail("telegram token", $"rejected by {options.ApiBaseUrl} ({e.ErrorCode} {redactor.Redact(e.Message)}). Check CORPUSBOT_Telegram__Token: copy it again from @BotFather.")];
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return [DoctorCheck.Fail("telegram token", $"could not ask {options.ApiBaseUrl} ({redactor.Redact(e.Message)}). Check the network and Telegram:ApiBaseUrl.")];
        }
    }

    private static DoctorCheck WebhookCheck(TelegramOptions options, global::Telegram.Bot.Types.WebhookInfo hook)
    {
        const string Name = "telegram webhook";
        var pending = $"{hook.PendingUpdateCount} updates waiting";
        if (options.Mode == TelegramMode.Polling)
        {
            return string.IsNullOrEmpty(hook.Url)
                ? DoctorCheck.Pass(Name, $"none set, as polling needs; {pending}.")
                : DoctorCheck.Pass(Name, $"{hook.Url} is set; `bot` in Polling mode removes it at start (updates are kept); {pending}.");
        }

        if (!string.Equals(hook.Url, options.WebhookUrl, StringComparison.Ordinal))
        {
            return DoctorCheck.Pass(Name, $"Telegram has '{hook.Url}', Telegram:WebhookUrl is {options.WebhookUrl}: `bot` registers its URL at start; {pending}.");
        }

        return hook.LastErrorDate is { } at && at > DateTime.UtcNow.AddHours(-1)
            ? DoctorCheck.Fail(Name, $"Telegram could not deliver to {hook.Url} at {at:u}: {hook.LastErrorMessage}. Check the reverse proxy, TLS certificate and Telegram:WebhookListenUrl.")
            : DoctorCheck.Pass(Name, $"{hook.Url} registered, no recent delivery errors; {pending}.");
    }

    private async Task<DoctorCheck> AdminPortAsync(CancellationToken cancellationToken)
    {
        const string Name = "admin endpoint";
        var hosting = services.GetRequiredService<IOptions<HostingOptions>>().Value;
        if (!hosting.AdminEnabled)
        {
            return DoctorCheck.Pass(Name, "off (Hosting:AdminUrl is empty): no /healthz, /readyz or /metrics.");
        }

        var url = new Uri(hosting.AdminUrl!);
        var addresses = IPAddress.TryParse(url.Host, out var ip) ? [ip] : await Dns.GetHostAddressesAsync(url.Host, cancellationToken);
        try
        {
            using var probe = new TcpListener(addresses[0], url.Port);
            probe.Start();
            probe.Stop();
            return DoctorCheck.Pass(Name, $"port {url.Port} on {url.Host} is free for {url}.");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                var body = await http.GetStringAsync(new Uri(url, "/healthz"), cancellationToken);
                if (body.Contains($"\"service\":\"{AdminServer.Service}\"", StringComparison.Ordinal))
                {
                    return DoctorCheck.Pass(Name, $"{url} is answered by a running CorpusBot.");
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Something else holds the port: reported below.
            }

            return DoctorCheck.Fail(Name, $"port {url.Port} is taken by another program, so the bot would run without /healthz, /readyz and /metrics. Free it or set Hosting:AdminUrl.");
        }
        catch (SocketException e)
        {
            return DoctorCheck.Fail(Name, $"cannot listen on {url} ({e.Message}). Set Hosting:AdminUrl to an address of this machine.");
        }
    }

    private DoctorCheck BackupFolder()
    {
        const string Name = "backups";
        var backup = services.GetRequiredService<IOptions<BackupOptions>>().Value;
        if (!backup.Enabled)
        {
            return DoctorCheck.Pass(Name, "no scheduled backups (Backup:Directory is empty); back up with `corpusbot backup FILE` or set Backup:Directory.");
        }

        var folder = root.Resolve(backup.Directory!);
        var check = DatabaseChecks.Folder(Name, folder, "Backup:Directory").First();
        if (!check.Ok)
        {
            return check;
        }

        var existing = BackupScheduler.List(folder);
        var newest = existing.Count == 0 ? "none yet" : $"newest {Path.GetFileName(existing[0])}";
        return DoctorCheck.Pass(Name, $"{folder} is usable; every {backup.Interval}, keeping {backup.Keep}; {existing.Count} present ({newest}).");
    }
}
