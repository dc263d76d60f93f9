using CorpusBot.Core.Documents;
using CorpusBot.Core.Feeds;
using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using CorpusBot.Telegram.Uploads;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>
/// /add (maintainers): text in the same message (first line the title), a .txt/.md/.html file with
/// /add as its caption, /add URL, or /add in reply to a message. A document already stored under the
/// same id is replaced only when the same URL is added again or the maintainer wrote /add replace …;
/// the reply says whether it added, replaced or refused. The ingestor writes the audit entry.
/// </summary>
internal sealed class AddCommand(
    DocumentIngestor ingestor,
    DocumentStore documents,
    TelegramFileDownloader files,
    UrlFetcher fetcher,
    DocumentSourceStore sources,
    BotSender sender,
    ILogger<AddCommand> logger)
{
    public const string Origin = "telegram";

    public async Task RunAsync(Message message, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(arguments);
        var userId = Roles.PersonOf(message) ?? 0;
        var replace = TakeReplace(ref arguments);
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
        else if (await ClashAsync(documents, document, replace, cancellationToken) is { } existing)
        {
            reply = BotTexts.AddWouldReplace(existing.Id, existing.Title);
        }
        else
        {
            var outcome = await ingestor.IngestAsync(document, Origin, ModerationStore.Actor(userId), cancellationToken);
            var id = outcome.DocumentId ?? document.Id;
            await sources.TrackAddedAsync(document, outcome, cancellationToken); // a URL's page is re-checked on schedule

            var title = outcome.Title ?? document.Title;
            reply = outcome.Status switch
            {
                IngestStatus.Rejected => BotTexts.AddRejected(outcome.Reason ?? "unknown reason"),
                IngestStatus.Unchanged => BotTexts.AlreadyPresent(id, title),
                IngestStatus.Updated => BotTexts.Replaced(id, title, outcome.Chunks, sameSource: document.Url is not null && !replace),
                _ => BotTexts.Added(id, title, outcome.Chunks),
            };
        }

        await sender.SendTextAsync(message.Chat.Id, reply, null, message.Id, cancellationToken);
    }

    /// <summary>"/add replace …": the word is taken off the arguments.</summary>
    internal static bool TakeReplace(ref string arguments)
    {
        var trimmed = arguments.TrimStart();
        if (!trimmed.StartsWith("replace", StringComparison.Ordinal)
            || (trimmed.Length > 7 && !char.IsWhiteSpace(trimmed[7])))
        {
            return false;
        }

        arguments = trimmed[7..].TrimStart();
        return true;
    }

    /// <summary>
    /// The stored document this one would silently replace, or null. Replacing is fine when asked for,
    /// when the same URL is fetched again (its id comes from the full URL), or when nothing changes.
    /// </summary>
    internal static async Task<StoredDocument?> ClashAsync(DocumentStore documents, SourceDocument document, bool replace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(document);
        if (replace || document.Url is not null)
        {
            return null;
        }

        var existing = await documents.GetAsync(document.Id, cancellationToken);
        return existing is not null && (existing.Text != document.Text || existing.Title != document.Title) ? existing : null;
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
        var id = DocumentIds.From(title, title); // the full title, before it is shortened for display
        var body = newline < 0 ? normalized : normalized[(newline + 1)..].Trim();
        if (body.Length == 0)
        {
            return UploadResult.Fail(BotTexts.AddUsage);
        }

        if (title.Length > 200)
        {
            title = title[..200].TrimEnd() + "…";
        }

        // No publisher: the maintainer typed it; who added it is in the audit log, not in citations.
        return UploadResult.Ok(new SourceDocument(id, title, body));
    }
}
