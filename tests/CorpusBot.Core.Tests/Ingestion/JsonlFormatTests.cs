namespace CorpusBot.Core.Tests.Ingestion;

public sealed class JsonlFormatTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task ReadAsync_MixedLines_GoodLinesReadBadLinesRejectedWithLineNumbers()
    {
        var path = temp.Write("batch.jsonl", string.Join("\r\n",
            """{"id":"a","title":"Title A","text":"Text A\u200B.","url":"https://example.org/a","source":"Example","published":"2025-07-22"}""",
            "",
            "{\"id\":\"b\",\"text\":\"Text B\"",
            """{"title":"no id","text":"Orphan"}""",
            """{"id":"c"}""",
            """{"id":"d","text":"   "}""",
            """["not","an","object"]""",
            """{"id":"e","text":"Text E","published":2025}""",
            """{"id":"a","text":"Again"}""",
            "   ",
            """{"id":"f","text":"First line of F\nSecond"}"""));

        var items = await Readers.Create().ReadAllAsync(path);

        var documents = items.Where(i => i.IsDocument).Select(i => i.Document!).ToList();
        Assert.Equal(["a", "f"], documents.Select(d => d.Id));
        Assert.Equal("Text A.", documents[0].Text);
        Assert.Equal(("Title A", "https://example.org/a", "Example", "2025-07-22"), (documents[0].Title, documents[0].Url, documents[0].Source, documents[0].Published));
        Assert.Equal("First line of F", documents[1].Title);
        Assert.Equal($"{path}:11", items.Single(i => i.Document?.Id == "f").Origin);

        var rejections = items.Where(i => i.IsRejected).ToDictionary(i => i.Origin, Readers.Reason);
        Assert.Equal(
            [3, 4, 5, 6, 7, 8, 9],
            rejections.Keys.Select(o => int.Parse(o[(path.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.StartsWith("batch.jsonl line 3 is not valid JSON", rejections[$"{path}:3"], StringComparison.Ordinal);
        Assert.Contains("\"id\" is missing", rejections[$"{path}:4"], StringComparison.Ordinal);
        Assert.Contains("\"text\" is missing", rejections[$"{path}:5"], StringComparison.Ordinal);
        Assert.StartsWith("batch.jsonl line 6 contains no text", rejections[$"{path}:6"], StringComparison.Ordinal);
        Assert.Equal("batch.jsonl line 7 is not a JSON object", rejections[$"{path}:7"]);
        Assert.Contains("\"published\" must be a string, not number", rejections[$"{path}:8"], StringComparison.Ordinal);
        Assert.Equal("batch.jsonl line 9 repeats the id 'a' of line 1", rejections[$"{path}:9"]);
    }

    [Fact]
    public async Task ReadAsync_JsonlWithOnlyBlankLines_Rejected()
    {
        var reason = Readers.Reason(await Readers.ReadOneAsync(temp.Write("blank.jsonl", "\n  \n\n")));

        Assert.Equal("blank.jsonl contains no JSON lines", reason);
    }

    [Fact]
    public async Task ReadAsync_JsonlIdWithPathAndControlCharacters_Sanitised()
    {
        var path = temp.Write("ids.jsonl", """{"id":"../../etc/pa\u0000ss\u202Ewd","text":"x"}""");

        Assert.Equal("_.._etc_passwd", (await Readers.ReadOneAsync(path)).Document!.Id);
    }
}
