using CorpusBot.Telegram.Uploads;

namespace CorpusBot.Tests.Telegram.Uploads;

public sealed class DocumentIdsTests
{
    [Theory]
    [InlineData("Harbour Notes", "harbour-notes")]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("C:\\Windows\\system32", "c-windows-system32")]
    [InlineData("evil\u202Etxt.exe", "evil-txt-exe")]
    [InlineData("nul\0byte", "nulbyte")]
    [InlineData("Café Überblick", "cafe-uberblick")]
    public void From_KeepsOnlySafeCharacters(string name, string expected)
    {
        Assert.Equal(expected, DocumentIds.From(name, "content"));
    }

    [Fact]
    public void From_LongOrEmptyNames_AreBoundedOrHashed()
    {
        Assert.True(DocumentIds.From(new string('a', 5000), "x").Length <= 64);
        Assert.Matches("^doc-[0-9a-f]{12}$", DocumentIds.From("../..", "x"));
        Assert.NotEqual(DocumentIds.From("", "x"), DocumentIds.From("", "y"));
    }
}
