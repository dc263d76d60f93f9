namespace CorpusBot.Telegram.Uploads;

/// <summary>Turns an uploaded file (or a fetched page) into a document: the seam between /add and the readers.</summary>
internal interface IUploadReader
{
    /// <summary>The extensions accepted, lower case with the dot.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>The document, or a reason a user can act on. <paramref name="fileName"/> is never used as a path.</summary>
    UploadResult Read(string fileName, byte[] content);
}
