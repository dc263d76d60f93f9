using CorpusBot.Core.Ingestion.Readers;

namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// Uploads go through the same reader as `corpusbot ingest` (<see cref="DocumentSourceReader.ReadUpload"/>):
/// encoding detection, HTML reduced to visible text, the file name sanitised into an id and never used as a path.
/// </summary>
internal sealed class CoreUploadReader(DocumentSourceReader reader) : IUploadReader
{
    public IReadOnlyCollection<string> Extensions { get; } = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"];

    public UploadResult Read(string fileName, byte[] content)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            return UploadResult.Fail(BotTexts.FileTypeNotSupported);
        }

        var items = reader.ReadUpload(fileName ?? string.Empty, content);
        if (items.FirstOrDefault(i => i.IsDocument) is { Document: { } document })
        {
            return UploadResult.Ok(document);
        }

        var reason = items.FirstOrDefault(i => i.IsRejected)?.Rejection?.Reason ?? "the file has no text";
        return UploadResult.Fail(BotTexts.AddRejected(reason));
    }
}
