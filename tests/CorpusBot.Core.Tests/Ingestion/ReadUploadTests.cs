using System.Text;
using CorpusBot.Core.Ingestion.Readers;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class ReadUploadTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Uploaded headline\nUploaded body.");

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd", ".txt")]
    [InlineData("..\\..\\Windows\\win.ini.md", "win.ini", ".md")]
    [InlineData("/abs/path/to/Report.HTML", "Report", ".html")]
    [InlineData("a\0b.txt", "ab", ".txt")]
    [InlineData("report.txt\0.exe", "report.txt", ".exe")]
    [InlineData("invoice\u202Etxt.exe", "invoicetxt", ".exe")]
    [InlineData("evil\u202Egpj.txt", "evilgpj", ".txt")]
    [InlineData("tab\tand\nnewline .txt", "tabandnewline", ".txt")]
    [InlineData("..", "upload", "")]
    [InlineData("...txt", "upload", ".txt")]
    [InlineData("", "upload", "")]
    [InlineData("what?<is>:this*.txt", "what__is__this_", ".txt")]
    public void Parse_HostileNames_NoPathPartsOrInvisibleCharactersSurvive(string fileName, string expectedId, string expectedExtension)
    {
        var name = UploadName.Parse(fileName);

        Assert.Equal((expectedId, expectedExtension), (name.Id, name.Extension));
        Assert.DoesNotContain(name.Id, c => c is '/' or '\\' or '\0' || char.IsControl(c) || c == '\u202E');
    }

    [Fact]
    public void Parse_500CharacterName_IdCutTo100KeepingExtension()
    {
        var name = UploadName.Parse(new string('x', 496) + ".txt");

        Assert.Equal(new string('x', DocumentIds.MaxLength), name.Id);
        Assert.Equal(".txt", name.Extension);
    }

    [Fact]
    public void Parse_LongNameOfSurrogatePairs_NotCutInsideAPair()
    {
        var name = UploadName.Parse(string.Concat(Enumerable.Repeat("😀", 300)) + ".txt");

        Assert.Equal(DocumentIds.MaxLength, name.Id.Length);
        Assert.True(name.Id.EnumerateRunes().All(r => r.Value == 0x1F600));
    }

    [Fact]
    public void ReadUpload_TraversalName_DocumentIdIsLeafOnly()
    {
        var item = Assert.Single(Readers.Create().ReadUpload("../../etc/passwd.txt", Body));

        Assert.Equal("passwd", item.Document!.Id);
        Assert.Equal("upload:passwd.txt", item.Origin);
        Assert.Equal("Uploaded headline", item.Document.Title);
    }

    [Fact]
    public void ReadUpload_RtlOverrideHidingExecutable_RejectedAsUnsupported()
    {
        var item = Assert.Single(Readers.Create().ReadUpload("invoice\u202Etxt.exe", Body));

        Assert.Contains("unsupported extension '.exe'", Readers.Reason(item), StringComparison.Ordinal);
        Assert.DoesNotContain('\u202E', item.Rejection!.Reason!);
    }

    [Fact]
    public void ReadUpload_OldBinaryWordFile_SaysToSaveItAsDocx()
    {
        var item = Assert.Single(Readers.Create().ReadUpload("minutes.doc", Body));

        Assert.EndsWith("unsupported extension '.doc'; supported: .txt, .md, .html, .htm, .jsonl, .pdf, .docx (save it as .docx or .pdf first)", Readers.Reason(item), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadUpload_OverLimit_RejectedWithoutDecoding()
    {
        var item = Assert.Single(Readers.Create(maxFileBytes: 16).ReadUpload("big.txt", new byte[17]));

        Assert.Equal("big.txt is 17 bytes, over the limit of 16 bytes (Corpus:MaxFileBytes)", Readers.Reason(item));
    }

    [Fact]
    public void ReadUpload_Empty_Rejected()
    {
        Assert.Equal("e.txt is empty", Readers.Reason(Assert.Single(Readers.Create().ReadUpload("e.txt", []))));
    }

    [Fact]
    public void ReadUpload_Jsonl_YieldsItemPerLine()
    {
        var content = Encoding.UTF8.GetBytes("{\"id\":\"x\",\"text\":\"X\"}\nnot json\n");

        var items = Readers.Create().ReadUpload("batch.jsonl", content);

        Assert.Equal(["upload:batch.jsonl:1", "upload:batch.jsonl:2"], items.Select(i => i.Origin));
        Assert.Equal([true, false], items.Select(i => i.IsDocument));
    }
}
