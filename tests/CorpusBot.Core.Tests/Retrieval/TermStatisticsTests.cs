using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Retrieval;

public class TermStatisticsTests
{
    [Fact]
    public async Task LookUpAsync_ShortStem_CountsItsWrittenFormsOnly()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("beds", "The doctors were told to leave 250 beds free.");
        await corpus.AddAsync("bedroom", "A bedroom upstairs was kept for the night staff.");
        await corpus.AddAsync("war", "The war began in February and the ward filled quickly.");

        var (_, stems) = await corpus.Get<TermStatistics>().LookUpAsync(["bed", "war"], CancellationToken.None);

        // The vocabulary holds "beds", never the stem "bed": the stem is still known to occur, in one passage,
        // and "bedroom" is not one of its forms.
        Assert.Equal(1, stems["bed"].PrefixFrequency);
        Assert.Equal(["beds"], stems["bed"].Inflections.Select(i => i.Term));
        Assert.Equal(1, stems["war"].PrefixFrequency);
        Assert.Equal(["war"], stems["war"].Inflections.Select(i => i.Term));
    }

    [Fact]
    public async Task LookUpAsync_LongStem_SumsEveryWordItBegins()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("one", "Soldiers were treated in Gomel.");
        await corpus.AddAsync("two", "A soldier was treated in Mazyr, near Soldierton.");

        var (_, stems) = await corpus.Get<TermStatistics>().LookUpAsync(["soldier"], CancellationToken.None);

        Assert.Equal(3, stems["soldier"].PrefixFrequency);
        Assert.Equal(["soldier", "soldiers"], stems["soldier"].Inflections.Select(i => i.Term).Order(StringComparer.Ordinal));
    }
}
