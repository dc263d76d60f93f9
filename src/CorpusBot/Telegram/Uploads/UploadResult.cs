using CorpusBot.Core.Documents;

namespace CorpusBot.Telegram.Uploads;

/// <summary>A document read from an upload or a URL, or why not.</summary>
internal sealed record UploadResult(SourceDocument? Document, string? Error)
{
    public static UploadResult Ok(SourceDocument document) => new(document, null);

    public static UploadResult Fail(string error) => new(null, error);
}
