using System.Text.Json;
using CorpusBot.Core.Storage;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class SeedsCatalogTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static string SeedsFolder => ContentRoot.Discover().Resolve("seeds");

    [Fact]
    public async Task ReadAsync_RepositorySeeds_AllFiveReadWithCatalogTitlesAndExactText()
    {
        var items = await Readers.Create().ReadAllAsync(SeedsFolder);

        Assert.Equal(5, items.Count);
        Assert.All(items, item => Assert.Equal(File.ReadAllText(item.Origin), Readers.Text(item)));
        var byId = items.ToDictionary(i => i.Document!.Id, i => i.Document!);
        Assert.Equal("Lukashenko says he ordered Belarusian doctors to treat wounded Russian soldiers", byId["000_b0167671d5cff5a1"].Title);
        Assert.Equal("CNN", byId["001_115071eb19b03889"].Source);
        var reuters = byId["003_363c8851056756a4"];
        Assert.Equal(("Global Banking & Finance Review (Reuters)", "2025-07-22", null), (reuters.Source, reuters.Published, reuters.Url));
    }

    [Fact]
    public void Catalog_EveryEntry_MatchesASeedFileAndHasATitle()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedsFolder, "catalog.json")));

        var ids = catalog.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        var files = Directory.GetFiles(SeedsFolder, "*.txt").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        Assert.Equal(files, ids);
        Assert.All(catalog.RootElement.EnumerateObject(), p => Assert.False(string.IsNullOrWhiteSpace(p.Value.GetProperty("title").GetString())));
    }

    [Fact]
    public async Task ReadAsync_CatalogInAncestorAndNearerFolder_NearestEntryWinsAndNullKeepsOwnValue()
    {
        temp.Write("catalog.json", """{ "a": { "title": "Outer A", "source": "Outer" }, "b": { "title": "Outer B" } }""");
        temp.Write("sub/catalog.json", """{ "a": { "title": "Inner A", "source": null } }""");
        temp.Write("sub/a.txt", "first line a");
        temp.Write("sub/b.txt", "first line b");
        temp.Write("c.txt", "first line c");

        var docs = (await Readers.Create().ReadAllAsync(temp.Path)).ToDictionary(i => i.Document!.Id, i => i.Document!);

        Assert.Equal(("Inner A", null), (docs["a"].Title, docs["a"].Source));
        Assert.Equal("Outer B", docs["b"].Title);
        Assert.Equal("first line c", docs["c"].Title);
    }

    [Fact]
    public async Task ReadAsync_SingleFileBesideCatalog_CatalogApplied()
    {
        temp.Write("catalog.json", """{ "a": { "title": "Catalog title", "url": "https://example.org/a" } }""");
        var path = temp.Write("a.txt", "first line");

        var document = (await Readers.ReadOneAsync(path)).Document!;

        Assert.Equal(("Catalog title", "https://example.org/a"), (document.Title, document.Url));
    }

    [Fact]
    public async Task ReadAsync_BrokenCatalog_ReportedOnceAndDocumentsStillRead()
    {
        temp.Write("catalog.json", """{ "a": "not an object" }""");
        temp.Write("a.txt", "first line a");
        temp.Write("b.txt", "first line b");

        var items = await Readers.Create().ReadAllAsync(temp.Path);

        var rejection = Assert.Single(items, i => i.IsRejected);
        Assert.Contains("the entry \"a\" must be an object", Readers.Reason(rejection), StringComparison.Ordinal);
        Assert.Equal(["first line a", "first line b"], items.Where(i => i.IsDocument).Select(i => i.Document!.Title));
    }
}
