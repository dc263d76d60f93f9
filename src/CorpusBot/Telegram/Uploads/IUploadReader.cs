namespace CorpusBot.Telegram.Uploads;

/// <summary>
/// Turns an uploaded file into a document. A seam until the readers branch lands:
/// then an adapter over <c>CorpusBot.Core.Ingestion.Readers.DocumentSourceReader.ReadUpload(fileName, content)</c>
/// replaces <see cref="TextUploadReader"/> (one registration in <see cref="TelegramServiceCollectionExtensions"/>).
/// </summary>
internal interface IUploadReader
{
    /// <summary>The extensions accepted, lower case with the dot.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>The document, or a reason a user can act on. <paramref name="fileName"/> is never used as a path.</summary>
    UploadResult Read(string fileName, byte[] content);
}
