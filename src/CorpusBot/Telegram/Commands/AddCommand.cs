using CorpusBot.Core.Documents;
using CorpusBot.Core.Ingestion;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using CorpusBot.Telegram.Uploads;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>
/// /add (maintainers): text in the same message (first line the title), a .txt/.md/.html file with
/// /add as its caption, /add URL, or /add in reply to a message. Replies with the id, title and
/// chunk count; the ingestor writes the audit entry.
/// </summary>
internal sealed class AddCommand(
    DocumentIngestor ingestor,
    TelegramFileDownloader files,
    UrlFetcher fetcher,
    BotSender sender,
    ILogger<AddCommand> logger)
{
    public const string Origin = "telegram";

    public async Task RunAsync(Message message, string arguments, CancellationToken cancellationToken)
    {
        var userId = Roles.PersonOf(message) ?? 0;
        var read = await ReadAsync(message, arguments, cancellationToken);
        string reply;
        if (read is null)
        {
            reply = BotTexts.AddUsage;
        }
        else if (read.Document is not { } document)
        {
            TelegramLog.AddFailed(logger, userId, read.Error ?? "unknown");
            reply = read.Error ?? BotTexts.AddUsage;
        }
        else
        {
            var outcome = await ingestor.IngestAsync(document, Origin, ModerationStore.Actor(userId), cancellationToken);
            reply = outcome.Status switch
            {
                IngestStatus.Rejected => BotTexts.AddRejected(outcome.Reason ?? "unknown reason"),
                IngestStatus.Unchanged => BotTexts.AlreadyPresent(outcome.DocumentId ?? document.Id, outcome.Title ?? document.Title),
                _ => BotTexts.AddDone(outcome.Status.ToString(), outcome.DocumentId ?? document.Id, outcome.Title ?? document.Title, outcome.Chunks),
            };
        }

        await sender.SendTextAsync(message.Chat.Id, reply, null, message.Id, cancellationToken);
    }

    /// <summary>The document the message points at; null when it points at nothing (usage is shown).</summary>
    private async Task<UploadResult?> ReadAsync(Message message, string arguments, CancellationToken cancellationToken)
    {
        if (message.Document is { } attached)
        {
            return await files.ReadAsync(attached, cancellationToken);
        }

        if (arguments.Length > 0)
        {
            return UrlFetcher.LooksLikeUrl(arguments) && !arguments.Contains('\n', StringComparison.Ordinal)
                ? await fetcher.FetchAsync(new Uri(arguments), cancellationToken)
                : FromText(arguments);
        }

        return message.ReplyToMessage switch
        {
            { Document: { } replied } => await files.ReadAsync(replied, cancellationToken),
            { Text: { Length: > 0 } text } => FromText(text),
            { Caption: { Length: > 0 } caption } => FromText(caption),
            _ => null,
        };
    }

    /// <summary>First line the title, the rest the body; a single line is both.</summary>
    internal static UploadResult FromText(string text)
    {
        var normalized = text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        var newline = normalized.IndexOf('\n', StringComparison.Ordinal);
        var title = (newline < 0 ? normalized : normalized[..newline]).Trim();
        var body = newline < 0 ? normalized : normalized[(newline + 1)..].Trim();
        if (body.Length == 0)
        {
            return UploadResult.Fail(BotTexts.AddUsage);
        }

        if (title.Length > 200)
        {
            title = title[..200].TrimEnd() + "…";
        }

        return UploadResult.Ok(new SourceDocument(DocumentIds.From(title, body), title, body, Source: "telegram"));
    }
}
