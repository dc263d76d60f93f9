using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering.ShortAnswers;

/// <summary>The short answer for each kind of question, cut from quotes of a small corpus (the question's terms come from its statistics).</summary>
public sealed class ShortAnswerFinderTests : IAsyncLifetime
{
    private const string Beds = "On the morning of February 24, a hospital official ordered the doctors to leave 250 beds free for Russian victims and to postpone all scheduled surgeries.";
    private const string Hospitals = "Mazyr, one of at least 3 hospitals in the Gomel region that treated wounded Russians, kept its records secret.";
    private const string Editors = "Reporting by Ronald Popeski; Editing by David Gregorio.";
    private const string Statement = "On January 22, 2026, Belarusian leader Alexander Lukashenko said that he had personally ordered doctors to treat wounded Russian soldiers.";
    private const string Appeal = "The opposition leader called on President Aleksandr Lukashenko to withdraw Russian troops after a CNN investigation revealed the treatment.";
    private const string Places = "According to the database, nearly 900 wounded Russian soldiers were treated in hospitals in Gomel and Khoiniki over 21 months.";
    private const string Summons = "The opposition leader called on President Aleksandr Lukashenko to withdraw Russian troops.";
    private const string Final = "Andy Murray defeated Novak Djokovic in the final in straight sets to win the title.";
    private const string Director = "Hollywood film director James Cameron, who directed the 1997 film, spoke to the BBC.";
    private const string Revenue = "The company's revenue in Q2 2020 was $6.04 billion, up 2% from a year earlier.";
    private const string Returned = "Ukraine returned two Russian soldiers needing medical care to Russia via Belarus.";
    private const string Ferry = "The ferry to Lida runs twice a day, at 8:00 and at 17:00.";
    private const string Reason = "He left the country because he feared being sent to the front as a combat medic.";

    private TestCorpus corpus = null!;

    public async Task InitializeAsync()
    {
        corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("beds", Beds + " " + Hospitals, "Beds");
        await corpus.AddAsync("credits", Editors + " " + Statement, "Credits");
        await corpus.AddAsync("appeal", Appeal + " " + Places + " " + Reason + " " + Summons + " " + Ferry, "Appeal");
        await corpus.AddAsync("sport", Final + " " + Director + " " + Revenue + " " + Returned, "Sport and business");
    }

    public async Task DisposeAsync() => await corpus.DisposeAsync();

    [Theory]
    [InlineData("How many beds were the doctors told to leave free?", Beds, "250 beds")]
    [InlineData("How many wounded Russian soldiers were treated in Gomel?", Places, "nearly 900 wounded Russian soldiers")]
    [InlineData("Over how long a period were the soldiers treated?", Places, "over 21 months")]
    [InlineData("How often does the ferry to Lida run?", Ferry, "twice a day")]
    [InlineData("How many soldiers did Ukraine return?", Returned, "two Russian soldiers")] // one word between the number and what it counts
    [InlineData("When did Lukashenko say he ordered doctors to treat soldiers?", Statement, "January 22, 2026")]
    [InlineData("Where were the wounded Russian soldiers treated?", Places, "Gomel and Khoiniki")]
    [InlineData("Who ordered doctors to treat wounded Russian soldiers?", Statement, "Alexander Lukashenko")]
    [InlineData("Who edited the report?", Editors, "David Gregorio")]
    [InlineData("Whose investigation revealed the treatment?", Appeal, "CNN")]
    [InlineData("Who won the final?", Final, "Andy Murray")] // the subject, not the other name before the verb
    [InlineData("Who directed the film?", Director, "James Cameron")] // "Hollywood film director James Cameron, who directed …"
    [InlineData("What was the revenue in Q2 2020?", Revenue, "$6.04 billion")] // the 2 of "Q2" counts nothing
    [InlineData("Who founded the project?", "“We have pictures of them,” Anton Motolko said. , a Belarusian blogger who fled Minsk in 2020 and founded the project, told CNN more.", "Anton Motolko")] // Minsk is what he fled
    [InlineData("Who was treated in Gomel?", "Nearly 900 wounded soldiers and Rosgvardia personnel were treated in hospitals in Gomel and Khoiniki.", "Rosgvardia")] // a passive question asks for the one treated
    [InlineData("Who is the president of Belarus?", "Belarusian President Alexander Lukashenko allowed Russia to use the country.", "Alexander Lukashenko")] // the asked role and a nationality describe the name
    [InlineData("Who is the president of Belarus?", "Belarus, a beautiful Eastern European country, is led by President Alexander Lukashenko.", "Alexander Lukashenko")] // "Eastern European" describes the country
    [InlineData("Who said the prisoners were released?", "The prisoners were released on Monday, the Interior Ministry said.", "Interior Ministry")] // asked who said it
    [InlineData("Where was Andrei imprisoned?", "After being imprisoned in the Belarusian capital, Minsk, for a month and a half, Andrei left.", "Minsk")] // "Belarusian" describes the capital
    [InlineData("How many wounded Russian soldiers were handed over?", "They are shouting about the thousands of wounded [Russian military] handed over to Gomel.", "thousands of wounded")] // the editor's gloss in brackets is no part of the count
    [InlineData("Who shared the X-rays with CNN?", "Still, Andrei secretly photocopied X-rays of dozens of soldiers treated at Mazyr hospital, which he shared with CNN.", "Andrei")] // "he" takes up Andrei; the names between are objects
    [InlineData("Who said the hospital was under 24-hour surveillance?", "Azarau said KGB branches for Mazyr placed Mazyr’s municipal hospital under 24-hour surveillance.", "Azarau")] // who says it, not the nearest name
    [InlineData("Who told Rada that the morgues were flooded?", "Anna Krasulina, a spokeswoman for opposition leader Sviatlana Tsikhanouskaya, told Rada in March that the morgues were flooded.", "Anna Krasulina")] // the subject of "told", not whom she speaks for
    [InlineData("Which human rights group said people were arrested for filming army vehicles?", "In recent months, several other people have been arrested for filming army vehicles, according to Viasna, a Belarusian human rights organization whose founder was awarded the Nobel Peace Prize.", "Viasna")] // the source of the report
    [InlineData("How many soldiers were wounded according to the ministry?", "The ministry said the first losses amounted to 498 soldiers killed and nearly 1,600 wounded in combat.", "nearly 1,600 wounded")] // 498 counts the killed
    [InlineData("Who placed the hospital under surveillance?", "Azarau said KGB branches for Mazyr placed the municipal hospital under 24-hour surveillance.", "KGB")] // Azarau said so; the KGB placed it
    [InlineData("Who sent missiles?", "When Putin declared his special operation in a broadcast on Feb. 24, he sent missiles and paratroopers south, unleashing an attack against the Kiev government.", "Putin")] // "he" takes up the name; "Feb." ends no sentence
    [InlineData("Where was the third meeting due to be held?", "A third meeting was due to be held on Wednesday in the Turkish city of Istanbul.", "Istanbul")] // "Turkish" only says whose city
    public async Task Find_QuestionAskingForAThing_CutsItVerbatimFromTheQuote(string question, string sentence, string expected)
    {
        var found = await FindAsync(question, sentence);

        var shortAnswer = Assert.Single(found.ShortAnswers);
        Assert.Equal(expected, shortAnswer.Text);
        AssertInside(shortAnswer, found.Citation);
    }

    [Theory]
    [InlineData("How many wounded Russian soldiers were treated in Mazyr?", Hospitals)] // "3 hospitals" counts something else
    [InlineData("Why did he leave the country?", Reason)] // the quote speaks; there is no short answer for why
    [InlineData("Who is Andy Murray?", Final)] // asks what he is, not a name
    [InlineData("Who called on Lukashenko to withdraw the troops?", Summons)] // "President Aleksandr Lukashenko" is the question's own name
    [InlineData("When did the official order the doctors to leave beds free?", Hospitals)] // no date in the quote
    [InlineData("Who cared for injured troops?", "The doctors said X-rays showed injuries to the troops they cared for.")] // "X-rays" is a thing, not a name
    [InlineData("Who treated the wounded soldiers?", "Nearly 900 wounded soldiers and Rosgvardia personnel were treated in hospitals in Gomel and Khoiniki.")] // Rosgvardia was treated; Gomel and Khoiniki are places
    [InlineData("Who handed over the two Russian soldiers?", "(Reuters) -Two Russian soldiers in need of medical care were handed over by Ukrainian authorities on Tuesday to be returned home, the Russian Defence Ministry said.")] // Reuters filed the story
    [InlineData("Who released the prisoners?", "The prisoners were released on Monday, the Interior Ministry said.")] // the report's source, not who released them
    [InlineData("Who called on Lukashenko to withdraw the troops?", "An exiled opposition leader has called on Lukashenko to withdraw Russian troops, after a CNN investigation revealed new evidence.")] // CNN owns the investigation
    [InlineData("Who monitored the doctors?", "While Lukashenko admitted that Belarus offered Russian army personnel medical assistance, little is known about the hospitals, which were under strict surveillance.")] // each name did another act
    [InlineData("Who ordered the doctors to leave 250 beds free?", "On February 24, Andrei called a hospital official who gathered all the doctors in a meeting room and ordered them to leave 250 beds free.")] // the official ordered it
    [InlineData("Who was arrested for filming army vehicles?", "In recent months, several other people have been arrested for filming army vehicles, according to Viasna, a Belarusian human rights organization whose founder was awarded the Nobel Peace Prize.")] // Viasna is the source
    [InlineData("Who carried the wounded inside?", "Soon, buses A full number of wounded infantrymen began to arrive. Russian infantrymen carried them inside on stretchers and threw them in front of the main gates, Andrei said.")] // "A" is a stray article
    [InlineData("Who gathered the doctors in a meeting room?", "On the morning of February 24, Andrei called a hospital official who gathered all the doctors in a meeting room.")] // Andrei called; the official gathered
    [InlineData("Where is Naroulia?", "On March 14, in Naroulia Another cashier hospital, a larger group of tents, detected in the city of Naroulia, closer to the border with Ukraine.")] // Naroulia is the place asked about; Ukraine is where the border runs
    public async Task Find_NothingOfTheAskedKindInTheQuote_NoShortAnswer(string question, string sentence)
    {
        var found = await FindAsync(question, sentence);

        Assert.Empty(found.ShortAnswers);
    }

    [Fact]
    public async Task Find_SourcesDisagree_OneShortAnswerPerSource()
    {
        var profile = await corpus.Get<QuestionAnalyzer>().AnalyzeAsync("How many wounded soldiers were treated?", CancellationToken.None);
        const string a = "Officials said 900 wounded soldiers were treated in Gomel hospitals.";
        const string b = "Doctors said about 300 wounded soldiers were treated there.";
        Citation[] citations = [new("a", "A", a, 10, 10 + a.Length), new("b", "B", b, 0, b.Length)];

        var found = ShortAnswerFinder.Find(profile, citations);

        Assert.Equal(["900 wounded soldiers", "about 300 wounded soldiers"], found.Select(s => s.Text));
        Assert.Equal([0, 1], found.Select(s => s.Citation));
        Assert.Equal(10 + a.IndexOf("900", StringComparison.Ordinal), found[0].Start);
        Assert.All(found, s => AssertInside(s, citations[s.Citation]));
    }

    private async Task<(IReadOnlyList<ShortAnswer> ShortAnswers, Citation Citation)> FindAsync(string question, string sentence)
    {
        var profile = await corpus.Get<QuestionAnalyzer>().AnalyzeAsync(question, CancellationToken.None);
        // Offsets as in a stored document: the quote starts somewhere inside it.
        var citation = new Citation("doc", "Title", sentence, 1000, 1000 + sentence.Length);
        return (ShortAnswerFinder.Find(profile, [citation]), citation);
    }

    private static void AssertInside(ShortAnswer shortAnswer, Citation citation)
    {
        Assert.True(shortAnswer.IsInside(citation));
        Assert.Equal(shortAnswer.Text, citation.Quote[(shortAnswer.Start - citation.Start)..(shortAnswer.End - citation.Start)]);
    }
}
