using CorpusBot.Core.Ingestion.Readers;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Ingestion;

/// <summary>Builds a reader with real options and a fake logger, and collects what it yields.</summary>
internal static class Readers
{
    public static DocumentSourceReader Create(int maxFileBytes = 10 * 1024 * 1024, FakeLogger<DocumentSourceReader>? logger = null) =>
        new(Options.Create(new IngestionOptions { MaxFileBytes = maxFileBytes }), logger ?? new FakeLogger<DocumentSourceReader>());

    public static async Task<List<ReadItem>> ReadAllAsync(this DocumentSourceReader reader, params string[] paths)
    {
        var items = new List<ReadItem>();
        await foreach (var item in reader.ReadAsync(paths, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    public static async Task<ReadItem> ReadOneAsync(string path, int maxFileBytes = 10 * 1024 * 1024) =>
        Assert.Single(await Create(maxFileBytes).ReadAllAsync(path));

    public static string Reason(ReadItem item)
    {
        Assert.True(item.IsRejected, $"expected a rejection, got document '{item.Document?.Id}'");
        return item.Rejection.Reason!;
    }

    public static string JoinLinesForTest(params string[] lines) => CorpusBot.Core.Ingestion.Readers.Pdf.PdfPageText.JoinLines(lines);

    public static string Text(ReadItem item)
    {
        Assert.True(item.IsDocument, $"expected a document, got rejection: {item.Rejection?.Reason}");
        return item.Document.Text;
    }
}
