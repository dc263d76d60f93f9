namespace CorpusBot.Telegram.Uploads;

/// <summary>A download grew past the size limit, whatever size the sender claimed.</summary>
public sealed class DownloadTooLargeException : IOException
{
    public DownloadTooLargeException()
        : base("The download is larger than the limit.")
    {
    }

    public DownloadTooLargeException(string message)
        : base(message)
    {
    }

    public DownloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
