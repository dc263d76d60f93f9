namespace CorpusBot.Telegram.Uploads;

/// <summary>One conditional fetch of a page: the document (or why not), or NotModified; and the validators to send next time.</summary>
/// <param name="Refused">When the fetch itself failed: the bare reason ("the server answered 404"), for logs and /feeds.</param>
internal sealed record PageFetch(UploadResult Result, bool NotModified, string? ETag, string? LastModified, string? Refused = null);
