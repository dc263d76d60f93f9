using CorpusBot.Core.Ingestion;
using CorpusBot.Core.Ingestion.Readers;
using Microsoft.Extensions.Logging.Testing;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class DocumentSourceReaderTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ReadAsync_PlainText_KeepsTextAndTakesFirstLineAsTitle()
    {
        var path = temp.Write("article.txt", "\n  Headline here  \nBody “quoted” text.\n");

        var item = await Readers.ReadOneAsync(path);

        Assert.Equal("\n  Headline here  \nBody “quoted” text.\n", Readers.Text(item));
        Assert.Equal("Headline here", item.Document!.Title);
        Assert.Equal("article", item.Document.Id);
        Assert.Equal(path, item.Origin);
        Assert.Equal("UTF-8", item.Encoding);
    }

    [Fact]
    public async Task ReadAsync_Markdown_StripsHeadingMarksFromTitleOnly()
    {
        var path = temp.Write("notes.md", "# Notes on *things*\n\nSome text.");

        var item = await Readers.ReadOneAsync(path);

        Assert.Equal("Notes on *things*", item.Document!.Title);
        Assert.StartsWith("# Notes", Readers.Text(item), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Utf8BomCrLfAndZeroWidth_BomStrippedLinesNormalisedInvisiblesRemoved()
    {
        var path = temp.Write("a.txt", [0xEF, 0xBB, 0xBF, .. "Ti\u200Btle\r\nline\u2060 two\rthree\u00AD\u202E end"u8]);

        var text = Readers.Text(await Readers.ReadOneAsync(path));

        Assert.Equal("Title\nline two\nthree end", text);
    }

    [Fact]
    public async Task ReadAsync_NonexistentPath_RejectedNamingThePath()
    {
        var missing = Path.Combine(temp.Path, "nope", "missing.txt");

        var reason = Readers.Reason(await Readers.ReadOneAsync(missing));

        Assert.Contains(missing, reason, StringComparison.Ordinal);
        Assert.Contains("does not exist", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_RejectedAsEmpty()
    {
        var reason = Readers.Reason(await Readers.ReadOneAsync(temp.Write("empty.txt", [])));

        Assert.Equal("empty.txt is empty", reason);
    }

    [Fact]
    public async Task ReadAsync_WhitespaceOnlyFile_RejectedAsNoText()
    {
        var reason = Readers.Reason(await Readers.ReadOneAsync(temp.Write("blank.txt", " \n\t\r\n \u200B \n")));

        Assert.StartsWith("blank.txt contains no text", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_FileOverLimit_RejectedBySizeBeforeReading()
    {
        // A sparse file of NUL bytes: had it been read, it would be rejected as binary, not by size.
        var path = Path.Combine(temp.Path, "huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(3L * 1024 * 1024 * 1024);
        }

        var reason = Readers.Reason(await Readers.ReadOneAsync(path, maxFileBytes: 1024));

        Assert.Equal("huge.txt is 3,221,225,472 bytes, over the limit of 1,024 bytes (Corpus:MaxFileBytes)", reason);
    }

    [Fact]
    public async Task ReadAsync_FileExactlyAtLimit_Read()
    {
        var path = temp.Write("edge.txt", new string('a', 1024));

        Assert.Equal(1024, Readers.Text(await Readers.ReadOneAsync(path, maxFileBytes: 1024)).Length);
    }

    [Theory]
    [InlineData(new byte[] { 0x48, 0x65, 0x00, 0x6C, 0x6F }, "NUL bytes")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A }, "PDF")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "PNG")]
    [InlineData(new byte[] { 0x61, 0x01, 0x02, 0x03, 0x04, 0x62, 0x05, 0x06, 0x07, 0x08 }, "control characters")]
    public async Task ReadAsync_BinaryFile_RejectedAsBinary(byte[] bytes, string expected)
    {
        var reason = Readers.Reason(await Readers.ReadOneAsync(temp.Write("data.txt", bytes)));

        Assert.StartsWith("data.txt is ", reason, StringComparison.Ordinal);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report.epub", "'.epub'")]
    [InlineData("archive.tar.gz", "'.gz'")]
    [InlineData("README", "no file extension")]
    public async Task ReadAsync_UnsupportedExtension_RejectedNamingExtensionAndSupportedList(string name, string expected)
    {
        var reason = Readers.Reason(await Readers.ReadOneAsync(temp.Write(name, "text")));

        Assert.StartsWith(name, reason, StringComparison.Ordinal);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
        Assert.Contains(".txt, .md, .html, .htm, .jsonl, .pdf, .docx", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_Folder_RecursesInSortedOrderSkippingHiddenAndCatalog()
    {
        temp.Write("b.txt", "b");
        temp.Write("a.txt", "a");
        temp.Write("sub/z.md", "z");
        temp.Write("sub/deeper/y.txt", "y");
        temp.Write("a-sub/c.txt", "c");
        temp.Write(".hidden.txt", "hidden");
        temp.Write(".git/config.txt", "git");
        temp.Write("catalog.json", "{}");

        var items = await Readers.Create().ReadAllAsync(temp.Path);

        Assert.Equal(["a", "b", "c", "z", "y"], items.Select(i => i.Document!.Id));
        Assert.Equal(Path.Combine(temp.Path, "a-sub", "c.txt"), items[2].Origin);
    }

    [Fact]
    public async Task ReadAsync_FolderWithSymlinkLoop_EachFileReadOnce()
    {
        temp.Write("sub/only.txt", "only");
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "sub", "loop"), temp.Path);

        var items = await Readers.Create().ReadAllAsync(temp.Path);

        Assert.Equal("only", Readers.Text(Assert.Single(items)));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsWithOperationCanceled()
    {
        temp.Write("a.txt", "a");
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Readers.Create().ReadAsync([temp.Path], cancellation.Token))
            {
                Assert.Fail($"nothing should be read after cancellation, got {item.Origin}");
            }
        });
    }

    [Fact]
    public async Task ReadAsync_SameIdTwice_SecondRejectedAsDuplicate()
    {
        var first = temp.Write("same.txt", "one");
        temp.Write("same.md", "two");

        var items = await Readers.Create().ReadAllAsync(temp.Path);

        Assert.Equal("two", Readers.Text(items[0]));
        Assert.Contains($"already read from {Path.Combine(temp.Path, "same.md")}", Readers.Reason(items[1]), StringComparison.Ordinal);
        Assert.Equal(first, items[1].Origin);
    }

    [Fact]
    public async Task ReadAsync_OneBadFileAmongGood_OthersStillReadAndRejectionLoggedWithoutText()
    {
        temp.Write("1.txt", "first secret body");
        temp.Write("2.txt", [0x00, 0x01]);
        temp.Write("3.txt", "third secret body");
        var logger = new FakeLogger<DocumentSourceReader>();

        var items = await Readers.Create(logger: logger).ReadAllAsync(temp.Path);

        Assert.Equal([IngestStatus.Rejected], items.Where(i => i.IsRejected).Select(i => i.Rejection!.Status));
        Assert.Equal(["1", "3"], items.Where(i => i.IsDocument).Select(i => i.Document!.Id));
        var records = logger.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1502 && r.Message.Contains("2.txt", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains("secret", StringComparison.Ordinal));
    }
}
