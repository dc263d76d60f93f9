using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Tests.Fakes;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>
/// Near misses: sentences that read like the answer but tell of another year, season, office holder, stage or work, or
/// of a contest not decided yet (<see cref="OtherTarget"/>), and the sentences beside them that do answer.
/// </summary>
public class OtherTargetTests
{
    [Theory]
    [InlineData("Who won the Boston Marathon in 2016?", "Lelisa Desisa of Ethiopia won the 2015 Boston Marathon.", true)]
    [InlineData("Who won the Boston Marathon in 2016?", "Lemi Berhanu won the 2016 Boston Marathon in 2:12:45.", false)]
    [InlineData("Who won the Boston Marathon in 2016?", "Desisa, unbeaten since 2016, was the favourite again in 2019.", true)]
    [InlineData("Who won the Boston Marathon in 2016?", "Lemi Berhanu won the Boston Marathon on Monday.", false)]
    [InlineData("Who won the Boston Marathon?", "Lelisa Desisa won the 2015 Boston Marathon.", false)]
    public void AnotherYear_ASentenceWhoseYearsAreNotTheQuestions(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.AnotherYear(Profile(question), sentence));

    [Theory]
    [InlineData("When did the second season of Fargo premiere?", "The third season of Fargo premiered on April 19, 2017.", true)]
    [InlineData("When did the second season of Fargo premiere?", "Season 2 of Fargo premiered on October 12, 2015.", false)]
    [InlineData("When did Fargo season 2 premiere?", "The eleventh and final season of the show premiered in May.", true)]
    [InlineData("What was Apple's revenue in Q3 2018?", "Revenue in the fourth quarter was $88.3 billion.", true)]
    [InlineData("What was Apple's revenue in Q3 2018?", "Apple posted third-quarter revenue of $53.3 billion.", false)]
    [InlineData("What was Apple's revenue in 2018?", "Revenue in the fourth quarter was $88.3 billion.", false)]
    public void AnotherOfSeries_AnotherSeasonOrQuarterThanTheOneAsked(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("How many wounded did Lukashenko say Belarus treated?", "The Pentagon said in August it believed the real toll was much higher: up to 80,000 dead or wounded.", true)]
    [InlineData("How many wounded did Lukashenko say Belarus treated?", "Defense Minister Sergei Shoigu revised the official count and said some 6,000 soldiers had been killed.", true)]
    [InlineData("How many wounded did Lukashenko say Belarus treated?", "We treated about 160 to 170 wounded during this entire period,” Lukashenko added.", false)]
    [InlineData("How many wounded did Lukashenko say Belarus treated?", "Belarus treated about 160 to 170 wounded during the period.", false)] // no other source named
    [InlineData("How many wounded did Belarus treat?", "The Pentagon said in August it believed the real toll was much higher: up to 80,000 dead or wounded.", false)] // no source asked for
    public void AnotherSource_TheFigureOfAnotherSourceThanTheOneAsked(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("How many soldiers arrived at the hospital in total?", "Between 40 and 50 wounded soldiers were taken to the hospital every day.", true)]
    [InlineData("How many soldiers arrived at the hospital in total?", "In total, more than a hundred soldiers arrived with facial wounds.", false)]
    [InlineData("How many soldiers were taken to the hospital every day?", "Between 40 and 50 wounded soldiers were taken to the hospital every day.", false)]
    [InlineData("How many soldiers arrived at the hospital?", "Between 40 and 50 wounded soldiers were taken to the hospital every day.", false)]
    [InlineData("How many soldiers arrived at the hospital every day?", "In total, more than a hundred soldiers arrived with facial wounds.", true)]
    public void RateForTotal_ACountPerDayIsNoTotal(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("Who won the Heisman Trophy in 2015?", "The winner of the 2015 Heisman Trophy will be announced on Saturday in New York.", true)]
    [InlineData("Who won the Heisman Trophy in 2015?", "Here are the three finalists for the 2015 Heisman Trophy.", true)]
    [InlineData("Which city hosted the Winter Olympics in 2014?", "Seven cities submitted applications to host the 2014 Winter Olympics.", true)]
    [InlineData("Who won the Heisman Trophy in 2015?", "Derrick Henry won the 2015 Heisman Trophy in New York.", false)]
    [InlineData("Who were the finalists for the Heisman Trophy in 2015?", "Here are the three finalists for the 2015 Heisman Trophy.", false)]
    public void Undecided_AContestNotDecidedYetNamesNoWinner(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("Who is the president of the IOC?", "Jacques Rogge, the former president of the IOC, praised the bid.", true)]
    [InlineData("Who is the CEO of Acme?", "Founder John Smith said he was stepping down as CEO of Acme.", true)]
    [InlineData("Who is the president of the IOC?", "Thomas Bach was re-elected as president of the IOC for four more years.", false)]
    [InlineData("Who was the president of the IOC?", "Jacques Rogge, the former president of the IOC, praised the bid.", false)]
    [InlineData("Who is the president of the IOC?", "Kirsty Coventry became the first woman president of an IOC commission.", true)]
    [InlineData("Who is the president of the IOC?", "Kirsty Coventry was elected president of the IOC Athletes' Commission.", true)]
    [InlineData("Who is the director of \"Jaws\"?", "Carl Gottlieb, a director of music videos whose work included a tribute to Jaws, died.", true)]
    [InlineData("Who is the director of \"Jaws\"?", "Fans paid tribute to Jaws video director Carl Gottlieb.", true)]
    [InlineData("Who is the director of \"Jaws\"?", "The Director's Cut of \"Jaws\" adds scenes with Quint and Brody.", true)]
    [InlineData("Who is the director of \"Jaws\"?", "'Jaws' director Steven Spielberg was 27 at the time.", false)]
    [InlineData("Who is the president of the NFL?", "Las Vegas Raiders president Sandra Douglass Morgan spoke to the NFL.", true)]
    [InlineData("Who is the president of the NFL?", "The Raiders hired Sandra Douglass Morgan as their new team president, a first in NFL history.", true)]
    [InlineData("Who is the director of \"Jaws\"?", "In 1975, the Italian-American director, Joe Dante, made a film like Jaws.", false)]
    public void AnotherHolder_TheOfficeOfSomeoneElseOrOfSomethingElse(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("Who won the 2017 Giro d'Italia?", "Fernando Gaviria sprinted to victory to win the ninth stage of the 2017 Giro d'Italia.", true)]
    [InlineData("Who won the 2017 Giro d'Italia?", "Tom Dumoulin won the 2017 Giro d'Italia in Milan.", false)]
    [InlineData("Who won the 2006 World Cup?", "Italy won the 2006 World Cup final on penalties.", false)]
    [InlineData("Who was the runner-up of the 2006 World Cup?", "World Cup 2006 winner - Italy.", true)]
    [InlineData("Who was the runner-up of the 2006 World Cup?", "France were the runners-up of the 2006 World Cup.", false)]
    [InlineData("Who was the runner-up of the 2006 World Cup?", "Italy have beaten France to win the 2006 World Cup final.", false)]
    public void PartOfContestOrContraryRole_TheWinnerOfSomethingElse(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("When was Halo released?", "The anticipated sequel to Halo was released on November 9, 2004.", true)]
    [InlineData("When was Halo released?", "Halo 2, the sequel to Halo, was released on November 9, 2004.", false)]
    [InlineData("What is the release date of Starfield?", "Bethesda's Starfield isn't likely to release for a few years.", true)]
    [InlineData("What is the release date of Starfield?", "Starfield was not released until September 6, 2023.", false)]
    [InlineData("When was Halo released?", "When Halo released last year, fans queued for hours.", true)]
    [InlineData("When was Halo released?", "Halo was released last year on November 15, 2001.", false)]
    [InlineData("What is the release date of Halo?", "Halo's original release date was April 16, 2001, announced at E3.", true)]
    [InlineData("When was the Korvin Draft held?", "The Korvin Draft was originally scheduled to be held in Brooklyn on June 25, but ...", true)]
    [InlineData("When was Halo released?", "Halo was originally released for the Xbox on November 15, 2001.", false)]
    [InlineData("When was the Korvin Draft held?", "The Korvin Draft, originally scheduled for June 25, was held on November 18.", false)]
    public void SequelNegationAndRelativeTime(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("Who is the Maxwell Award winner in 2019?", "2019 CFDA Awards winners: Brandon Maxwell, Rick Owens take top honors.", true)]
    [InlineData("Which actor won Best Actor at the Oscars?", "The four-time nominee won the best supporting actor Oscar.", true)]
    [InlineData("Who is the Maxwell Award winner in 2019?", "Joe Burrow won the 2019 Maxwell Award on Thursday.", false)]
    [InlineData("Who won the World Cup Final in 2010?", "Spain won the World Cup 2010 final in Johannesburg.", false)]
    [InlineData("What is the date of the 2021 NBA Draft?", "The 2021 NBA Draft Combine takes place June 21-27 in Chicago.", true)]
    [InlineData("What is the date of the 2021 NBA Draft?", "The 2021 NBA Draft takes place on July 29 in Brooklyn.", false)]
    [InlineData("When was Fable Legends 2 released?", "It is part of the Fable Legends 2 DLC season pass.", true)]
    [InlineData("Who is the Maxwell Award winner in 2019?", "Maxwell Award Recipients.", false)]
    [InlineData("Who was named the 2020 National Teacher of the Year?", "A preschool teacher is Kansas's 2020 State Teacher of the Year.", true)]
    [InlineData("Who was named the 2020 National Teacher of the Year?", "The 2020 National Teacher of the Year was a Kansas State teacher.", false)]
    [InlineData("When was Marvel's Spider-Man released?", "The sequel to 2018's Marvel's Spider-Man got a release date.", true)]
    public void SplitLongerOrReplacedName_AnotherTitleThanTheQuestions(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("Who will be playing the role of Diana Prince?", "Thirteen-year-old Lilly plays the young Diana Prince in the film.", true)]
    [InlineData("Who will be playing the role of Diana Prince?", "Gal Gadot will reprise her role as Diana Prince.", false)]
    [InlineData("Who plays the young Diana Prince?", "Thirteen-year-old Lilly plays the young Diana Prince in the film.", false)]
    public void AnotherAgeOf_TheCharacterAtAnotherAgeIsAnotherPart(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.IsAbout(Profile(question), sentence));

    [Theory]
    [InlineData("When was Portal 2 released?", "A soundtrack album for Portal was released on 2 August 2023.", false)]
    [InlineData("When was Portal 2 released?", "Portal 2 was released on April 19, 2011.", true)]
    [InlineData("When was Portal 2 released?", "A second soundtrack album for Portal came out in 2023.", false)]
    [InlineData("When did Fargo season 11 premiere?", "The eleventh and final season of Fargo premiered in May.", true)]
    [InlineData("What happened on May 2?", "The talks ended on 2 May.", true)]
    public void Covered_ANumberIsHeldAsItselfOrBesideWhatItCounts_NotAsTheDayOfADate(string question, string sentence, bool expected) =>
        Assert.Equal(expected, TermCoverage.Covered(Profile(question), sentence).Contains(Tokenizer.ContentWords(question).First(w => char.IsDigit(w[0]))));

    [Theory]
    [InlineData("When did the 2020 NBA Draft take place?", "The 2019 NBA Draft was a big night.", false)]
    [InlineData("When did the 2020 NBA Draft take place?", "The 2020 NBA Draft took place on November 18, 2020.", true)]
    [InlineData("When did the NBA Draft take place?", "The NBA Draft took place in 2019.", true)]
    public void Shows_AWhenQuestionThatNamesItsYearWantsMoreThanAYear(string question, string sentence, bool expected) =>
        Assert.Equal(expected, AnswerCue.Shows(Profile(question), sentence));

    [Fact]
    public async Task AskAsync_OnlyASentenceAboutAnotherYear_Refused_TheYearAskedAnswered()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("marathon-preview", "The 2016 Boston Marathon starts on Monday in Hopkinton. Lelisa Desisa of Ethiopia won the Boston Marathon in 2015.");

        var nearMiss = await corpus.Get<AnswerService>().AskAsync("Who won the Boston Marathon in 2016?", CancellationToken.None);
        await corpus.AddAsync("marathon-2016", "Lemi Berhanu of Ethiopia won the Boston Marathon in 2016, with Desisa second.");
        var answered = await corpus.Get<AnswerService>().AskAsync("Who won the Boston Marathon in 2016?", CancellationToken.None);

        Assert.True(nearMiss.Refused, string.Join(" | ", nearMiss.Citations.Select(c => c.Quote)));
        Assert.False(answered.Refused, answered.Reason?.ToString());
        Assert.All(answered.Citations, c => Assert.Contains("Berhanu", c.Quote, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskAsync_OnlyAFormerHolderOfTheOffice_Refused_ThePresentHolderAnswered()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("regatta", "Jan Novak, the former president of the Rowing Union, opened the regatta on Sunday.");

        var nearMiss = await corpus.Get<AnswerService>().AskAsync("Who is the president of the Rowing Union?", CancellationToken.None);
        await corpus.AddAsync("congress", "Eva Kral was elected president of the Rowing Union at its congress in March.");
        var answered = await corpus.Get<AnswerService>().AskAsync("Who is the president of the Rowing Union?", CancellationToken.None);

        Assert.True(nearMiss.Refused, string.Join(" | ", nearMiss.Citations.Select(c => c.Quote)));
        Assert.False(answered.Refused, answered.Reason?.ToString());
        Assert.All(answered.Citations, c => Assert.Contains("Eva Kral", c.Quote, StringComparison.Ordinal));
    }

    /// <summary>A profile as the analyzer builds it, without a corpus: capitalised words after the first are names, digits numbers.</summary>
    [Theory]
    [InlineData("What was agreed at the third meeting in Istanbul?", "A third meeting was due to be held on Wednesday in Istanbul.", true)]
    [InlineData("Who won the 2022 final?", "The 2022 final will take place in Paris.", true)]
    [InlineData("When was the third meeting in Istanbul held?", "A third meeting was due to be held on Wednesday in Istanbul.", false)] // the announcement tells when
    [InlineData("Super Bowl 2021 location", "Super Bowl 2021 will take place at Raymond James Stadium in Tampa.", false)] // asks no act
    [InlineData("What was agreed at the meetings in Istanbul?", "The meetings in Istanbul resulted in agreements to return prisoners.", false)]
    public void StillToCome_AnAnnouncedEventHoldsNothingOfWhatCameOfIt(string question, string sentence, bool expected) =>
        Assert.Equal(expected, OtherTarget.StillToCome(Profile(question), sentence));

    private static QuestionProfile Profile(string question)
    {
        var words = question.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var names = words.Skip(1).Where(w => char.IsUpper(w.TrimStart('"', '\'')[0])).SelectMany(Tokenizer.Words).ToHashSet(StringComparer.Ordinal);
        var terms = Tokenizer.ContentWords(question)
            .Select(w => new KeyTerm(Tokenizer.Stem(w), names.Contains(w), char.IsDigit(w[0]), 1, true, char.IsDigit(w[0])) { Word = w })
            .DistinctBy(t => t.Stem)
            .ToList();
        return new QuestionProfile(question, QuestionAnalyzer.TypeOf(question), terms) { Focus = QuestionFocus.Of(question) };
    }
}
