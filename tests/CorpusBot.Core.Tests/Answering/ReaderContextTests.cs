using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>
/// How the reader reads a sentence in its context: a sentence that carries on the one before it, the date a
/// when-question wants, numbers written as words, and word forms the light stemmer splits.
/// </summary>
public class ReaderContextTests
{
    [Theory]
    [InlineData("Korvin Quest is a game by Zell.", "It was released on May 15, 2012.", true)]
    [InlineData("Korvin Quest is a game by Zell.", "The game was released on May 15, 2012.", true)]
    [InlineData("Release date.", "May 15, 2012.", true)]
    [InlineData("Korvin Quest is a game by Zell.", "Zell released Dust Runner on May 15, 2012.", false)]
    [InlineData("Korvin Quest is a game by Zell.", "Korvin Quest was released on May 15, 2012.", false)]
    [InlineData("The 92nd Academy Awards | 2020 ...", "Joaquin Phoenix wins Best Actor ...", true)]
    [InlineData("2017 Walter Camp Award Semifinalist ...", "Winner of the 2017 Johnny Unitas Golden Arm Award.", false)]
    [InlineData("2019 NBA Draft 2021 NBA Draft.", "Date: Wednesday, November 18, 2020.", false)]
    [InlineData("Korvin Quest 2 and Korvin Quest 2 Expansion Pass Bundle ...", "Release date.", true)]
    [InlineData("The talks ended in May.", "1.", false)]
    public void Continues_PronounDefiniteNounOrAfterALabelOrHeading(string previous, string sentence, bool expected) =>
        Assert.Equal(expected, Continuation.Continues(previous, sentence));

    [Theory]
    [InlineData("It was released on May 15, 2012.", 1.0)]
    [InlineData("It premiered on 22 August 2021 on AMC.", 1.0)]
    [InlineData("Release Date:10/27/2017.", 1.0)]
    [InlineData("It was released in May 2012.", 0.5)]
    [InlineData("It was released in Japan on April 29.", 0.5)]
    [InlineData("It was released in 2012.", 0.0)]
    public void DatePrecision_FullDateAboveMonthAboveYear(string text, double expected) =>
        Assert.Equal(expected, AnswerCue.DatePrecision(text));

    [Theory]
    [InlineData("drive", "driv", true)]
    [InlineData("gett", "get", true)]
    [InlineData("releas", "release", true)]
    [InlineData("note", "not", false)]
    [InlineData("fall", "fal", false)]
    public void SameRoot_JoinsFormsTheLightStemmerSplits(string a, string b, bool expected) =>
        Assert.Equal(expected, TermCoverage.SameRoot(a, b));

    [Theory]
    [InlineData("What is the release date of Korvin Quest?", QuestionType.When, "release")]
    [InlineData("What was the premiere date for season 4 of The Crown?", QuestionType.When, "premiere")]
    [InlineData("What is the name of the chief doctor?", QuestionType.Who, null)]
    [InlineData("To whom were the instructions given?", QuestionType.Other, null)] // answered by a role ("the health minister") as often as by a name
    public void DateOfAnEvent_IsAWhenQuestionWhoseFocusIsTheEvent(string question, QuestionType type, string? focus)
    {
        Assert.Equal(type, QuestionAnalyzer.TypeOf(question));
        Assert.Equal(focus is null ? [] : [focus], QuestionFocus.Of(question));
    }

    [Fact]
    public async Task AskAsync_DateInTheSentenceThatCarriesOnTheNamingOne_Answered()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("korvin", "Korvin Quest is a puzzle game made by a studio in Zell. It was released on May 15, 2012. Reviews were kind.");

        var answer = await corpus.Get<AnswerService>().AskAsync("When was Korvin Quest released?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.Contains(answer.Citations, c => c.Quote.Contains("May 15, 2012", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskAsync_WhenQuestion_PrefersTheQuoteWithTheFullDate()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("short", "Korvin Quest was released in May 2012, the studio in Zell said.");
        await corpus.AddAsync("full", "After a long wait, Korvin Quest was released on May 15, 2012 in shops across Europe.");

        var answer = await corpus.Get<AnswerService>().AskAsync("When was Korvin Quest released?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.Contains("May 15, 2012", answer.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_NumberOfTheQuestionWrittenAsAnOrdinal_Answered()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("crown", "The eleventh season of Korvin Street premiered on August 22, 2021 on the Zell channel.");

        var answer = await corpus.Get<AnswerService>().AskAsync("When did season 11 of Korvin Street premiere?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.Contains("August 22, 2021", Assert.Single(answer.Citations).Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("How far did the family drive?", "far", "They travelled more than 370 miles north.", true)]
    [InlineData("How old were the soldiers?", "old", "Many of them ranged in age from 19 to 21.", true)]
    [InlineData("How long did the talks last?", "long", "The talks lasted three days.", true)]
    [InlineData("Why is the hospital so far from the border?", "far", "The hospital is 370 miles from the border.", false)]
    [InlineData("Who was the runner-up of the 2010 World Cup?", "runner", "Spain have beaten the Netherlands to win the 2010 final.", true)]
    [InlineData("Who was the runner-up of the 2018 World Cup?", "runner", "France won after defeating Croatia 4-2 in the final.", true)]
    [InlineData("Who was the runner-up of the 2014 World Cup?", "runner", "Germany were crowned champions after a 1-0 win over Argentina.", true)]
    [InlineData("Who was the runner-up of the 2010 World Cup?", "runner", "Spain won the 2010 World Cup in Johannesburg.", false)]
    [InlineData("Who was the runner-up of the 2014 World Cup?", "runner", "Germany won the trophy over four weeks in Brazil.", false)]
    public void Covered_AMeasureOrRoleIsHeldByTheWordsThatGiveIt(string question, string measure, string sentence, bool expected)
    {
        var profile = new QuestionProfile(question, QuestionAnalyzer.TypeOf(question), [new KeyTerm(measure, false, false, 1, true, false)]);

        Assert.Equal(expected, TermCoverage.Covered(profile, sentence).Contains(measure));
    }

    [Theory]
    [InlineData("When did Andrei leave Belarus?", "leave", "The official ordered them to leave 250 beds free.", false)] // leaves something counted
    [InlineData("When did Andrei leave Belarus?", "leave", "Andrei had to leave Belarus in August.", true)]
    [InlineData("When did Andrei leave Belarus?", "leave", "He was ordered to leave 250 beds free, and decided to leave the country.", true)]
    [InlineData("How many beds did they leave free?", "leave", "The official ordered them to leave 250 beds free.", true)] // the question's verb takes no name
    public void Covered_AVerbTakingANameIsNotHeldWhereItTakesANumber(string question, string verb, string sentence, bool expected)
    {
        var profile = new QuestionProfile(question, QuestionAnalyzer.TypeOf(question), [new KeyTerm(verb, false, false, 1, true, false)]);

        Assert.Equal(expected, TermCoverage.Covered(profile, sentence).Contains(verb));
    }

    [Fact]
    public async Task AskAsync_DateUnderTheLabelOfAFieldOfTheNamedItem_Answered()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("store", "Digital. Korvin Quest 2 and Korvin Quest 2 Expansion Pass Bundle ... Release date. December 1, 2017 ...");

        var answer = await corpus.Get<AnswerService>().AskAsync("When was Korvin Quest 2 released?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.Contains("December 1, 2017", Assert.Single(answer.Citations).Quote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.", false)]
    [InlineData("(2)", false)]
    [InlineData("Belarus spent 2 million dollars on it.", true)]
    public void Shows_TheMarkerOfAListItemCountsNothing(string sentence, bool expected)
    {
        const string question = "How much does Belarus spend on promoting medical tourism?";
        var profile = new QuestionProfile(question, QuestionAnalyzer.TypeOf(question), []);
        Assert.Equal(expected, AnswerCue.Shows(profile, sentence));
    }

    [Fact]
    public async Task AskAsync_NameAskedForAndOnlyTheDatelineIsCapitalised_Refused()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("story", "Vilnius, Lithuania – As his daughters slept in the back seat, his wife filmed the doctor driving to the border.");

        var answer = await corpus.Get<AnswerService>().AskAsync("What is the name of the doctor's wife?", CancellationToken.None);

        Assert.True(answer.Refused, string.Join(" | ", answer.Citations.Select(c => c.Quote)));
    }

    [Theory]
    [InlineData("Andrei", "Andrei, a doctor, had been planning his escape from Belarus since 2020.", true)]
    [InlineData("Aliaksandr Azarau", "Aliaksandr Azarau, head of ByPol, told CNN more.", true)]
    [InlineData("Sviatlana Tsikhanouskaya", "Opposition leader Sviatlana Tsikhanouskaya said the regime helped Russia.", true)]
    [InlineData("Sergei Shoigu", "Russian Defense Minister Sergei Shoigu revised the official count.", true)]
    [InlineData("Franak Viačorka", "Franak Viačorka, Tsikhanouskaya’s chief political adviser, told CNN more.", true)]
    [InlineData("Andrei", "After being imprisoned in the Belarusian capital, Minsk, for a month and a half, Andrei said he felt intimidated.", false)]
    [InlineData("Andrei", "In the end, the network helped Andrei after he contacted BySol.", false)]
    [InlineData("Tsikhanouskaya", "Tsikhanouskaya’s chief political adviser told CNN more.", false)] // the adviser is described, not her
    public void Tells_ARoleOrAppositionSaysWhoTheNameIs(string name, string sentence, bool expected) =>
        Assert.Equal(expected, Description.Tells(name, sentence));

    [Fact]
    public async Task AskAsync_WhoIsAName_QuotesTheSentenceThatDescribesIt_NotOneThatOnlyMentionsIt()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("jail", "After being imprisoned in the capital, Minsk, for a month and a half, Korvin said he felt the detention was a tactic to intimidate the doctors.");

        var mentioned = await corpus.Get<AnswerService>().AskAsync("Who is Korvin?", CancellationToken.None);
        await corpus.AddAsync("escape", "Korvin, a doctor at the town hospital, had been planning his escape from the country for two years.");
        var described = await corpus.Get<AnswerService>().AskAsync("Who is Korvin?", CancellationToken.None);

        Assert.True(mentioned.Refused, string.Join(" | ", mentioned.Citations.Select(c => c.Quote)));
        Assert.False(described.Refused, described.Reason?.ToString());
        Assert.All(described.Citations, c => Assert.Contains("Korvin, a doctor", c.Quote, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Jul 22, 2020 ...", true)]
    [InlineData("Posted on July 22, 2025", true)]
    [InlineData("1 min readLast updated: January 22, 2026", true)]
    [InlineData("The soldiers were handed over on July 22, 2025.", false)]
    public void IsDateLabel_APagesOwnDateDatesThePageNotWhatItTells(string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsDateLabel(sentence));

    [Fact]
    public async Task AskAsync_WhenQuestion_TheDayTheArticleGivesNotTheDateThePageWasUpdated()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("wire", "Posted on July 22, 2025\n1 min readLast updated: January 22, 2026\n\nUkraine returned two Korvin soldiers needing medical care via Zell.\nTwo Korvin soldiers in need of medical care were handed over by Ukrainian authorities on Tuesday to be returned home, the ministry said.");

        var answer = await corpus.Get<AnswerService>().AskAsync("When were the two Korvin soldiers handed over?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.DoesNotContain(answer.Citations, c => c.Quote.Contains("2026", StringComparison.Ordinal));
        Assert.Equal("Tuesday", Assert.Single(answer.ShortAnswers).Text);
    }

    [Fact]
    public async Task AskAsync_HowManyInTotal_ACountPerDayIsNoAnswer()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("rate", "In early March, between 40 and 50 wounded soldiers were taken to the hospital in Korvin every day, the doctor said.");

        var total = await corpus.Get<AnswerService>().AskAsync("How many wounded soldiers were taken to the hospital in Korvin in total?", CancellationToken.None);
        var daily = await corpus.Get<AnswerService>().AskAsync("How many wounded soldiers were taken to the hospital in Korvin every day?", CancellationToken.None);

        Assert.True(total.Refused, string.Join(" | ", total.Citations.Select(c => c.Quote)));
        Assert.False(daily.Refused, daily.Reason?.ToString());
    }

    [Theory]
    [InlineData("What was the name of the hospital official who gathered the doctors?", "official", null)]
    [InlineData("What is the name of the Lithuanian fisherman?", "fisherman", null)]
    [InlineData("What is the name of Andrei's wife?", "wife", "Andrei")]
    [InlineData("What is the name of the head of ByPol?", "head", null)]
    [InlineData("What is the name of Microsoft's AR headset?", "headset", "Microsoft")]
    [InlineData("Who is the head of ByPol?", null, null)]
    public void AskedRole_TheRoleANameIsAskedFor(string question, string? role, string? owner) =>
        Assert.Equal(role is null ? null : new NamedRole(role, owner), Description.AskedRole(question));

    [Theory]
    [InlineData("official", null, "Andrei called a hospital official who gathered all the doctors in a meeting room.", false)] // Andrei is the caller
    [InlineData("fisherman", null, "On the other side, Andrei recalls, a burly Lithuanian was holding a fishing rod.", false)]
    [InlineData("wife", "Andrei", "Andrei said goodbye with a kiss from his wife and daughters.", false)]
    [InlineData("official", null, "The hospital official Ivan Sokol gathered all the doctors.", true)]
    [InlineData("fisherman", null, "A fisherman named Pavel saw him reach the bank.", true)]
    [InlineData("head", null, "Aliaksandr Azarau, head of ByPol, told CNN more.", true)]
    [InlineData("adviser", null, "Franak Viačorka, Tsikhanouskaya’s chief political adviser, told CNN more.", true)]
    [InlineData("blogger", null, "“We have pictures of them,” Anton Motolko said. , a Belarusian blogger who fled Minsk.", true)]
    [InlineData("headset", "Microsoft", "Microsoft HoloLens is a pair of mixed reality smartglasses.", true)]
    [InlineData("assistant", "Amazon", "Amazon is bringing its AI assistant to the workplace with a new service called Alexa for Business.", true)]
    public void NamesRole_ANameGivenForTheRole(string role, string? owner, string sentence, bool expected) =>
        Assert.Equal(expected, Description.NamesRole(new NamedRole(role, owner), sentence));

    [Theory]
    [InlineData("Mazyr", "They traveled from their home in Mazyr, a town in the Gomel region of southern Belarus.", true)]
    [InlineData("Naroulia", "A larger group of tents was detected in the city of Naroulia, closer to the border with Ukraine.", true)]
    [InlineData("Mazyr", "We are treating them in Gomel, Mazyr and I think some other district.", false)] // a list it stands in
    [InlineData("Mazyr", "Mazyr Municipal Hospital responded to CNN’s request for comment.", false)] // a longer name
    public void Locates_APlaceTheNameLiesIn(string name, string sentence, bool expected) =>
        Assert.Equal(expected, Description.Locates(name, sentence));

    [Theory]
    [InlineData("Where were the wounded soldiers treated?", "The hospital responded to CNN’s request for comment.", false)] // CNN owns the request
    [InlineData("Where were the wounded soldiers treated?", "The wounded soldiers were treated in Gomel’s hospitals and in Khoiniki.", true)]
    [InlineData("Where is Mazyr?", "We are treating them in Gomel, Mazyr and I think some other district.", false)]
    public void Shows_WherePlaceIsNamedAsAPlace(string question, string sentence, bool expected)
    {
        var profile = new QuestionProfile(question, QuestionAnalyzer.TypeOf(question), []);
        Assert.Equal(expected, AnswerCue.Shows(profile, sentence));
    }

    [Fact]
    public async Task AskAsync_WhereIsAPlace_QuotesTheSentenceThatSaysWhereItLies()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("list", "“We are treating them in Gomel, Korvin and I think some other district,” he said.");
        await corpus.AddAsync("home", "Driving at night, they traveled from their home in Korvin, a town in the Zell region, more than 370 miles north.");

        var answer = await corpus.Get<AnswerService>().AskAsync("Where is Korvin?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.All(answer.Citations, c => Assert.Contains("a town in the Zell region", c.Quote, StringComparison.Ordinal));
        Assert.Equal("Zell", Assert.Single(answer.ShortAnswers).Text);
    }

    [Fact]
    public async Task AskAsync_NameOfSomeonePickedOutByARole_OnlyANameGivenForTheRoleAnswers()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync(
            "zelva",
            "On the first day of the fighting, Korvin called a hospital official who gathered all the doctors of Zelva in a meeting room. "
            + "Ivan Sokol, head of the Zelva clinic, told reporters the doctors were afraid.");

        var official = await corpus.Get<AnswerService>().AskAsync("What was the name of the hospital official who gathered the doctors of Zelva?", CancellationToken.None);
        var head = await corpus.Get<AnswerService>().AskAsync("What is the name of the head of the Zelva clinic?", CancellationToken.None);

        // Korvin is who called the official; no source names the official.
        Assert.True(official.Refused, string.Join(" | ", official.Citations.Select(c => c.Quote)));
        Assert.False(head.Refused, head.Reason?.ToString());
        Assert.Contains(head.Citations, c => c.Quote.Contains("Ivan Sokol, head of the Zelva clinic", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskAsync_WhenDidANamedSubjectDoSomething_TheDateOfAnotherActIsNoAnswer()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("statement", "On January 22, 2026, Korvin stated that he had personally ordered the doctors of Zelva to treat wounded soldiers.");

        var visit = await corpus.Get<AnswerService>().AskAsync("When did Korvin visit the wounded soldiers in Zelva?", CancellationToken.None);
        var order = await corpus.Get<AnswerService>().AskAsync("When did Korvin order the doctors of Zelva to treat wounded soldiers?", CancellationToken.None);

        // The date is of his statement about an order; nothing says he visited.
        Assert.True(visit.Refused, string.Join(" | ", visit.Citations.Select(c => c.Quote)));
        Assert.False(order.Refused, order.Reason?.ToString());
        Assert.Equal("January 22, 2026", Assert.Single(order.ShortAnswers).Text);
    }

    [Fact]
    public async Task AskAsync_AnOrdinalPicksOutOneOfASeries_ASentenceAboutTheOthersIsNoAnswer()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync(
            "talks",
            "The two meetings in Zelva resulted in agreements to return prisoners of war. A third meeting was due to be held on Wednesday in Zelva.");

        var third = await corpus.Get<AnswerService>().AskAsync("What was agreed at the third meeting in Zelva?", CancellationToken.None);
        var meetings = await corpus.Get<AnswerService>().AskAsync("What was agreed at the meetings in Zelva?", CancellationToken.None);

        // The agreements came of the first two meetings; of the third the text says only that it was to be held.
        Assert.True(third.Refused, string.Join(" | ", third.Citations.Select(c => c.Quote)));
        Assert.False(meetings.Refused, meetings.Reason?.ToString());
        Assert.Contains("resulted in agreements", meetings.Citations[0].Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_TwoDocumentsWithTheSameSentence_QuotedOnce()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        const string wire = "Two Korvin soldiers in need of medical care were handed over by Zell authorities on Tuesday to be returned home.";
        await corpus.AddAsync("wire", wire + " The exchange followed talks in Istanbul.");
        await corpus.AddAsync("reprint", "A reprint of the wire story. " + wire);

        var answer = await corpus.Get<AnswerService>().AskAsync("When were the two Korvin soldiers handed over?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.True(answer.Citations.Count(c => c.Quote.Contains("handed over by Zell authorities on Tuesday", StringComparison.Ordinal)) == 1, string.Join(" | ", answer.Citations.Select(c => c.Quote)));
    }
}
