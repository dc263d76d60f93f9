using CorpusBot.Core.Ingestion.Readers;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// Fetches a document sent to the bot. The size is checked before anything is downloaded (the
/// message's file_size, then getFile's) and again while copying. The user's file name is only
/// passed on as a name, never used as a path.
/// </summary>
internal sealed class TelegramFileDownloader(
    ITelegramBotClient bot, IUploadReader reader, IOptions<TelegramOptions> options, IOptions<IngestionOptions> ingestion)
{
    public bool IsSupported(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return reader.Extensions.Contains(Path.GetExtension(document.FileName ?? string.Empty).ToLowerInvariant());
    }

    /// <summary>The smaller of Telegram:MaxFileBytes (getFile serves 20 MB at most) and the readers' Corpus:MaxFileBytes.</summary>
    public int Limit => Math.Min(options.Value.MaxFileBytes, ingestion.Value.MaxFileBytes);

    /// <summary>Null when the file is small enough; otherwise the refusal.</summary>
    public string? CheckSize(long? size) => size is { } s && s > Limit ? BotTexts.FileTooLarge(s, Limit) : null;

    public async Task<UploadResult> ReadAsync(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!IsSupported(document))
        {
            return UploadResult.Fail(BotTexts.FileTypeNotSupported);
        }

        if (CheckSize(document.FileSize) is { } tooLarge)
        {
            return UploadResult.Fail(tooLarge);
        }

        var file = await bot.GetFile(document.FileId, cancellationToken);
        if (CheckSize(file.FileSize) is { } stillTooLarge)
        {
            return UploadResult.Fail(stillTooLarge);
        }

        if (string.IsNullOrEmpty(file.FilePath) || Path.IsPathRooted(file.FilePath))
        {
            return UploadResult.Fail("Telegram did not provide the file");
        }

        using var buffer = new CappedStream(Limit);
        try
        {
            await bot.DownloadFile(file.FilePath, buffer, cancellationToken);
        }
        catch (Exception e) when (e is DownloadTooLargeException || e.InnerException is DownloadTooLargeException)
        {
            return UploadResult.Fail(BotTexts.FileTooLarge(buffer.Length + 1, Limit));
        }

        return reader.Read(document.FileName ?? "upload.txt", buffer.ToArray());
    }
}
