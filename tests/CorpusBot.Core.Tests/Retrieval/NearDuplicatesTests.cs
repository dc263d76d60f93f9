using CorpusBot.Core.Retrieval;

namespace CorpusBot.Core.Tests.Retrieval;

public sealed class NearDuplicatesTests
{
    private const string Beds = "The doctors were ordered to leave 250 beds free for wounded Russian soldiers in Mazyr.";

    [Fact]
    public void Collapse_KeepsTheBestRankedOfNearlyEqualPassages()
    {
        var passages = new[]
        {
            Passage(1, Beds),
            Passage(2, "Andrei left Belarus for Lithuania with his family after he copied the scans."),
            Passage(3, Beds.Replace("Mazyr.", "Mazyr!", StringComparison.Ordinal) + " Reuters"), // same words, one more
        };

        var kept = NearDuplicates.Collapse(passages, threshold: 0.8);

        Assert.Equal([1, 2], kept.Select(p => p.ChunkId));
    }

    [Fact]
    public void Collapse_PassagesSharingAFewWords_AreAllKept()
    {
        var passages = new[] { Passage(1, Beds), Passage(2, "The doctors were told to keep quiet about the soldiers they treated in Gomel.") };

        Assert.Equal(2, NearDuplicates.Collapse(passages, threshold: 0.8).Count);
    }

    [Theory]
    [InlineData("Mazyr", "Mazyr", 1.0)]
    [InlineData("Mazyr", "Gomel", 0.0)]
    [InlineData("two words", "two words", 1.0)]
    [InlineData("a b c d", "a b c e", 1.0 / 3)] // trigrams {abc, bcd} and {abc, bce}: one of three
    [InlineData("a b c", "c b a", 0.0)] // order matters
    public void Jaccard_OfWordTrigrams(string a, string b, double expected)
    {
        Assert.Equal(expected, NearDuplicates.Jaccard(NearDuplicates.Shingles(a), NearDuplicates.Shingles(b)), 6);
    }

    private static Passage Passage(long id, string text) => new(id, $"doc-{id}", "Title", null, 0, text.Length, text, 1.0 / id, 0, 0);
}
