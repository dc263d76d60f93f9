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
    public void From_ReadableSlugOfSafeCharacters_PlusAShortHash(string name, string slug)
    {
        Assert.Matches($"^{slug}-[0-9a-f]{{10}}$", DocumentIds.From(name, name));
    }

    [Fact]
    public void From_LongOrEmptyNames_AreBoundedOrHashed()
    {
        Assert.True(DocumentIds.From(new string('a', 5000), "x").Length <= 64);
        Assert.Matches("^doc-[0-9a-f]{10}$", DocumentIds.From("../..", "x"));
        Assert.NotEqual(DocumentIds.From("", "x"), DocumentIds.From("", "y"));
    }

    [Fact]
    public void From_SameSlugDifferentSources_NeverShareAnId()
    {
        var a = DocumentIds.From("example.org/article.php", "https://example.org/article.php?id=1");
        var b = DocumentIds.From("example.org/article.php", "https://example.org/article.php?id=2");
        var prefix = new string('t', 64);

        Assert.NotEqual(a, b);
        Assert.NotEqual(DocumentIds.From(prefix + " one", prefix + " one"), DocumentIds.From(prefix + " two", prefix + " two"));
        Assert.Equal(a, DocumentIds.From("example.org/article.php", "https://example.org/article.php?id=1"));
    }
}
