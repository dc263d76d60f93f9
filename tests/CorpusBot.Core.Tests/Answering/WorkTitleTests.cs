using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>
/// How a quote must hold the title of a work the question names. A long title is shortened to its distinctive end
/// ("Breath of the Wild"), so a sentence may lack the title's leading words, but not its end: the series alone names
/// another work, and so does a sequel ("Super Mario Odyssey 2"). The platform a question ends on ("on Nintendo Switch")
/// need not be repeated. (The titles are not in the corpus, so each of their words is a distinctive name.)
/// </summary>
public sealed class WorkTitleTests : IAsyncLifetime
{
    private TestCorpus corpus = null!;

    public async Task InitializeAsync()
    {
        corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("beds", "A hospital official ordered the doctors to leave 250 beds free for wounded soldiers.");
        await corpus.AddAsync("ferry", "The ferry to Lida runs twice a day, at 8:00 and at 17:00.");
        await corpus.AddAsync("talks", "Delegations met for talks in Istanbul on Wednesday and agreed to exchange prisoners.");
    }

    public async Task DisposeAsync() => await corpus.DisposeAsync();

    [Theory]
    [InlineData("When was The Legend of Zelda: Breath of the Wild released?", "legend zelda breath wild")]
    [InlineData("What is the release date for Super Mario Odyssey on Nintendo Switch?", "super mario odyssey|nintendo switch")]
    [InlineData("Who won the match between Novak Djokovic and Andy Murray?", "novak djokovic|andy murray")]
    public async Task Analyze_NamesOfSeveralWordsAreOnePhraseEach(string question, string expected)
    {
        var profile = await corpus.Get<QuestionAnalyzer>().AnalyzeAsync(question, CancellationToken.None);

        Assert.Equal(expected, string.Join('|', profile.NamePhrases.Select(p => string.Join(' ', p))));
    }

    [Theory]
    [InlineData("What is the release date for Super Mario Odyssey on Nintendo Switch?", "nintendo switch")]
    [InlineData("Who won the Oscar for Best Picture in 2018?", "")]
    public async Task Analyze_ANameTheQuestionEndsOnAfterOnIsThePlatform(string question, string expected)
    {
        var profile = await corpus.Get<QuestionAnalyzer>().AnalyzeAsync(question, CancellationToken.None);

        Assert.Equal(expected, string.Join(' ', profile.Platform));
    }

    [Theory]
    [InlineData("When was The Legend of Zelda: Breath of the Wild released?", "Nintendo has revealed that Breath of the Wild will release on March 3, 2017.", true)]
    [InlineData("When was The Legend of Zelda: Breath of the Wild released?", "The Legend of Zelda: Ocarina of Time was released on November 21, 1998.", false)]
    [InlineData("When was The Legend of Zelda: Breath of the Wild released?", "Zelda fans waited for the Wild sequel until 2023.", false)]
    [InlineData("When was Assassin's Creed Valhalla released?", "Valhalla was released on November 10, 2020.", true)]
    [InlineData("When was Assassin's Creed Valhalla released?", "Assassin's Creed Odyssey was released on October 5, 2018.", false)]
    [InlineData("What is the release date for Super Mario Odyssey on Nintendo Switch?", "Super Mario Odyssey was released on October 27, 2017.", true)]
    [InlineData("What is the release date for Super Mario Odyssey on Nintendo Switch?", "Super Mario Odyssey 2 is likely to be released in 2025.", false)]
    [InlineData("When was Super Mario Odyssey 2 released?", "Super Mario Odyssey 2 is likely to be released in 2025.", true)]
    public async Task HoldsSpecifics_ATitleMayLoseItsLeadingWordsAndPlatformNotItsEndNorBecomeASequel(string question, string sentence, bool expected)
    {
        var profile = await corpus.Get<QuestionAnalyzer>().AnalyzeAsync(question, CancellationToken.None);

        Assert.Equal(expected, profile.HoldsSpecifics(TermCoverage.Covered(profile, sentence)));
    }
}
