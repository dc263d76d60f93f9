using CorpusBot.Core.Retrieval;

namespace CorpusBot.Core.Tests.Retrieval;

public class FtsQueryTests
{
    private static readonly Dictionary<string, StemInfo> Vocabulary = new(StringComparer.Ordinal)
    {
        ["russian"] = new("russian", 47_000, [("russian", 47_000)]),
        ["soldier"] = new("soldier", 29_000, [("soldiers", 28_700), ("soldier", 300)]),
        ["district"] = new("district", 5_000, [("district", 5_000)]),
        ["treat"] = new("treat", 20_000, [("treated", 9_900), ("treat", 300)]),
        ["mirinkalovo"] = new("mirinkalovo", 342, [("mirinkalovo", 342)]),
        ["zarannovovich"] = new("zarannovovich", 4, [("zarannovovich", 4)]),
    };

    [Fact]
    public void Plan_WithinTheBudget_IsThePlainPrefixQuery()
    {
        var stems = new List<string> { "soldier", "zarannovovich" };
        Assert.Equal(FtsQuery.Build("soldiers Zarannovovich"), FtsQuery.Plan(stems, Vocabulary, postingBudget: 1_000_000));
    }

    [Fact]
    public void Plan_CommonStems_OnlyReRankTheRareOnes()
    {
        var stems = new List<string> { "russian", "soldier", "treat", "mirinkalovo", "district", "zarannovovich" };

        var match = FtsQuery.Plan(stems, Vocabulary, postingBudget: 2_000);

        Assert.Equal(
            "(\"zarannovovich\" OR \"mirinkalovo\") AND (\"zarannovovich\" OR \"mirinkalovo\" OR " +
            "\"district\" OR \"treated\" OR \"treat\" OR \"soldiers\" OR \"soldier\" OR \"russian\")",
            match);
    }

    [Fact]
    public void Plan_EveryStemCommon_TakesTheRarestAndDropsTheCommonestBeyondTheReRankLimit()
    {
        var vocabulary = new Dictionary<string, StemInfo>(Vocabulary)
        {
            ["wound"] = new("wound", 30_000, [("wounded", 30_000)]),
            ["hospital"] = new("hospital", 28_318, [("hospital", 28_318)]),
        };
        var stems = new List<string> { "russian", "soldier", "treat", "district", "wound", "hospital" };

        var match = FtsQuery.Plan(stems, vocabulary, postingBudget: 100);

        // "district" is the rarest, so it is matched; four more re-rank; "russian", the commonest, is left out.
        Assert.Equal(
            "(\"district\") AND (\"district\" OR \"treated\" OR \"treat\" OR \"hospital\" OR \"soldiers\" OR \"soldier\" OR \"wounded\")",
            match);
    }

    [Fact]
    public void Plan_RarestStemBeyondMaxPostings_IsNoKeywordQuery()
    {
        var stems = new List<string> { "russian", "district" };

        Assert.Null(FtsQuery.Plan(stems, Vocabulary, postingBudget: 100, maxPostings: 4_999)); // "district", the rarest, has 5,000
        Assert.Equal("(\"district\") AND (\"district\" OR \"russian\")", FtsQuery.Plan(stems, Vocabulary, postingBudget: 100, maxPostings: 5_000));
    }

    [Fact]
    public void Plan_NoStemInTheCorpus_IsThePlainQuery()
    {
        Assert.Equal("\"zzyzx\"*", FtsQuery.Plan(["zzyzx"], Vocabulary, postingBudget: 100));
    }
}
