namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>
/// Counts and logs what one read yields, and refuses a second document with an id already read in the
/// same run (a.txt beside a.md, or a folder given twice), which would otherwise silently replace the first.
/// </summary>
internal sealed class ReadTally(Microsoft.Extensions.Logging.ILogger logger)
{
    private readonly Dictionary<string, string> originOfId = new(StringComparer.Ordinal);

    public int Documents { get; private set; }

    public int Rejections { get; private set; }

    public ReadItem Add(ReadItem item)
    {
        if (item.Document is { } document && !originOfId.TryAdd(document.Id, item.Origin))
        {
            item = ReadItem.Rejected(item.Origin, $"the document id '{document.Id}' was already read from {originOfId[document.Id]}", document.Id);
        }

        if (item.Document is { } read)
        {
            Documents++;
            ReaderLog.DocumentRead(logger, read.Id, item.Origin, read.Text.Length, item.Encoding ?? "unknown");
        }
        else if (item.Rejection is { } rejection)
        {
            Rejections++;
            ReaderLog.Rejected(logger, rejection.Origin, rejection.Reason ?? "unknown");
        }

        return item;
    }
}
