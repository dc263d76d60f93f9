using CorpusBot.Core.Ingestion.Readers;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class HtmlMetadataTests
{
    [Fact]
    public void Read_JsonLdNewsArticle_GivesHeadlinePublisherAuthorAndDate()
    {
        const string html = """
            <html><head><title>Zelva hospital | Grodno Daily - news</title>
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Grodno Daily"},
              {"@type":["NewsArticle"],"headline":"Zelva hospital takes in wounded soldiers",
               "datePublished":"2026-01-22T09:30:00+01:00",
               "author":[{"@type":"Person","name":"Anna Petrova"},{"@type":"Person","name":"Ivan Sokol"}],
               "publisher":{"@type":"Organization","name":"Grodno Daily"}}]}
            </script></head><body><p>The Zelva hospital treated forty soldiers.</p></body></html>
            """;

        var document = Read(html);

        Assert.Equal("Zelva hospital takes in wounded soldiers", document.Title);
        Assert.Equal("Grodno Daily", document.Source);
        Assert.Equal("Anna Petrova, Ivan Sokol", document.Author);
        Assert.Equal("2026-01-22", document.Published);
        Assert.Equal("The Zelva hospital treated forty soldiers.", document.Text);
    }

    [Fact]
    public void Read_OpenGraphAndMetaTags_UsedWithoutJsonLd()
    {
        const string html = """
            <html><head><title>Pier | Site</title>
            <meta property="og:title" content="The pier is rebuilt">
            <meta property="og:site_name" content="Kelvo Courier">
            <meta name="author" content="Mira Tal">
            <meta property="article:published_time" content="2025-11-03T08:00:00Z">
            </head><body><p>The pier was rebuilt.</p></body></html>
            """;

        var document = Read(html);

        Assert.Equal("The pier is rebuilt", document.Title);
        Assert.Equal("Kelvo Courier", document.Source);
        Assert.Equal("Mira Tal", document.Author);
        Assert.Equal("2025-11-03", document.Published);
    }

    [Fact]
    public void Read_BrokenJsonLdAndNoMeta_FallsBackToTitleAndNulls()
    {
        const string html = """
            <html><head><title>Plain page</title><script type="application/ld+json">{"@type": "NewsArticle", broken</script>
            </head><body><p>Just text.</p></body></html>
            """;

        var document = Read(html);

        Assert.Equal("Plain page", document.Title);
        Assert.Null(document.Source);
        Assert.Null(document.Author);
        Assert.Null(document.Published);
    }

    [Theory]
    [InlineData("2026-01-22", "2026-01-22")]
    [InlineData("2026-01-22T23:30:00-05:00", "2026-01-22")]
    [InlineData("January 22, 2026", "2026-01-22")]
    [InlineData("yesterday", null)]
    [InlineData("", null)]
    public void IsoDate_CommonForms_NormalisedOrNull(string value, string? expected) =>
        Assert.Equal(expected, HtmlMetadata.IsoDate(value));

    private static Documents.SourceDocument Read(string html) =>
        Assert.Single(Readers.Create().ReadUpload("page.html", System.Text.Encoding.UTF8.GetBytes(html))).Document!;
}
