namespace CorpusBot.Telegram.Uploads;

/// <summary>One conditional fetch of a page: the document (or why not), or NotModified; and the validators to send next time.</summary>
internal sealed record PageFetch(UploadResult Result, bool NotModified, string? ETag, string? LastModified);
