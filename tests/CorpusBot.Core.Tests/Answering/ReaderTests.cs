using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>The offline reader's mechanisms on small corpora whose answers are known: neighbours, answer types, several figures, language.</summary>
public class ReaderTests
{
    [Fact]
    public async Task AskAsync_AnswerInTheNeighbouringSentence_QuotesBothAsOneSpan()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("korvin", "Korvin hospital prepared for the arrivals on Monday. Doctors were told to keep 250 beds free. The weather was cold.");

        var answer = await corpus.Get<AnswerService>().AskAsync("How many beds did doctors keep free in Korvin?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        var quote = Assert.Single(answer.Citations);
        Assert.Equal("Korvin hospital prepared for the arrivals on Monday. Doctors were told to keep 250 beds free.", quote.Quote);
        Assert.True(await corpus.Get<QuoteVerifier>().VerifyAsync(quote, CancellationToken.None));
    }

    [Fact]
    public async Task AskAsync_WhoQuestionWhoseSentencesNameOnlyPlacesAndNationalities_Refused()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("korvin", "The chief doctor of the Korvin hospital treated Russian soldiers. He later moved to Lithuania with his family.");

        var answer = await corpus.Get<AnswerService>().AskAsync("What is the name of the chief doctor of the Korvin hospital?", CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.NoEvidence, answer.Reason);
    }

    [Fact]
    public async Task AskAsync_HowManyAnsweredOnlyByAYear_Refused()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("korvin", "Soldiers were treated at the Korvin clinic in 2022.");

        var answer = await corpus.Get<AnswerService>().AskAsync("How many soldiers were treated at the Korvin clinic?", CancellationToken.None);

        Assert.True(answer.Refused);
    }

    [Fact]
    public async Task AskAsync_HowManyBesideADatedSentence_TheDateIsNotQuotedAsAFigure()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync(
            "korvin",
            "On January 22, 2026, the Korvin clinic said it treated wounded soldiers.\nThe Korvin clinic treated 140 wounded soldiers during the whole period.");

        var answer = await corpus.Get<AnswerService>().AskAsync("How many wounded soldiers did the Korvin clinic treat?", CancellationToken.None);

        Assert.False(answer.Refused, answer.Reason?.ToString());
        Assert.All(answer.Citations, c => Assert.DoesNotContain("January 22", c.Quote, StringComparison.Ordinal));
        Assert.Contains(answer.Citations, c => c.Quote.Contains("140", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AskAsync_OneArticleReportsTwoPartiesFigures_QuotesEach()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync(
            "tolls",
            "The ministry said 498 soldiers were killed in the first week.\nWestern officials said 3,000 soldiers were killed in the first week.\nRoads were closed.");

        var answer = await corpus.Get<AnswerService>().AskAsync("How many soldiers were killed in the first week?", CancellationToken.None);

        Assert.False(answer.Refused);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("498", StringComparison.Ordinal) && !c.Quote.Contains("3,000", StringComparison.Ordinal));
        Assert.Contains(answer.Citations, c => c.Quote.Contains("3,000", StringComparison.Ordinal) && !c.Quote.Contains("498", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Сколько раненых российских солдат лечили в Гомеле?", "ru", "только на вопросы на английском")]
    [InlineData("Колькі параненых расійскіх салдат лячылі ў Гомелі?", "be", "толькі на пытанні на англійскай")]
    [InlineData("Скільки поранених російських солдатів лікували в Гомелі?", "uk", "лише на запитання англійською")]
    [InlineData("Wie viele verwundete Soldaten wurden in Gomel behandelt?", "de", "nur Fragen auf Englisch")]
    [InlineData("Combien de soldats blessés ont été soignés à Gomel ?", "fr", "questions posées en anglais")]
    [InlineData("¿Cuántos soldados heridos fueron tratados en Gomel?", "es", "preguntas en inglés")]
    public async Task AskAsync_QuestionNotInEnglishWithoutAModel_RefusedAsUnsupportedLanguageInThatLanguage(string question, string language, string message)
    {
        Assert.Equal(language, QuestionLanguage.DetectUnsupported(question));
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("gomel", "About 900 wounded soldiers were treated in Gomel.");

        var answer = await corpus.Get<AnswerService>().AskAsync(question, CancellationToken.None);

        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.UnsupportedLanguage, answer.Reason);
        Assert.Contains(message, answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("Who is Sviatlana Tsikhanouskaya?")]
    [InlineData("What did Lukashenka say about the Hajun project?")]
    [InlineData("Where is the Republican Research Center?")]
    [InlineData("Is Gerard de la Cruz mentioned?")]
    [InlineData("How many soldiers?")]
    public void DetectUnsupported_EnglishWithForeignNames_IsEnglish(string question) =>
        Assert.Null(QuestionLanguage.DetectUnsupported(question));

    [Theory]
    [InlineData(QuestionType.Who, "Which outlet published it?", "These findings were detailed in reporting by Zerkalo.", true)]
    [InlineData(QuestionType.Who, "Which outlet published it?", "Many Russian soldiers were treated in Gomel.", false)]
    [InlineData(QuestionType.Who, "Who shared them?", "Then the X-rays were shared.", false)]
    [InlineData(QuestionType.Where, "Where were they treated?", "They were treated in hospitals in Gomel and Khoiniki.", true)]
    [InlineData(QuestionType.Where, "Where were they treated?", "They were treated in the old town of Zelva.", true)]
    [InlineData(QuestionType.Who, "Who did the doctor speak to?", "Vilnius, Lithuania – The doctor spoke to his wife.", false)]
    [InlineData(QuestionType.Where, "Which city hosted the Olympic Games in 2004?", "No fewer than eleven cities applied to host the 2004 Summer Olympics.", false)]
    [InlineData(QuestionType.Where, "Which city hosted the Olympic Games in 2004?", "Athens hosted the 2004 Summer Olympics.", true)]
    [InlineData(QuestionType.When, "When did he speak?", "He spoke on January 22, 2026.", true)]
    [InlineData(QuestionType.HowMany, "How many beds?", "They kept 250 beds free.", true)]
    [InlineData(QuestionType.HowMany, "How many beds in Q2?", "Beds in Q2 2020.", false)]
    // The far end of a span the asked event opens does not date that event; a span between two dates dates both ends.
    [InlineData(QuestionType.When, "When did the war start?", "Russians used hospitals between the start of the war and April.", false)]
    [InlineData(QuestionType.When, "When did the war start?", "Hospitals were used from the start of the war until late March.", false)]
    [InlineData(QuestionType.When, "When did the war start?", "The war started in February, and hospitals were used between March and April.", true)]
    [InlineData(QuestionType.When, "When did the war start?", "Hospitals were used between March and April.", true)]
    [InlineData(QuestionType.When, "When did the war start?", "Trains ran between the two cities and Minsk from April.", true)]
    // A place named by another act than the one asked ("where Andrei worked") is not where he fled to; by the asked act it is.
    [InlineData(QuestionType.Where, "Where did Andrei flee to?", "Wounded soldiers arrived at the hospital in the town of Mazyr, where Andrei worked.", false)]
    [InlineData(QuestionType.Where, "Where did Andrei escape to?", "He reached the forest in Lithuania, where Andrei escaped with nothing.", true)]
    [InlineData(QuestionType.Where, "Where did Andrei flee to?", "Wounded soldiers arrived at the hospital in the town of Mazyr.", true)]
    // A destination is asked: the place left is no answer, the place reached is.
    [InlineData(QuestionType.Where, "Where did Andrei escape to?", "He had been planning his escape from Belarus since 2020.", false)]
    [InlineData(QuestionType.Where, "Where did Andrei escape to?", "He escaped from Belarus to Lithuania.", true)]
    [InlineData(QuestionType.Where, "Where did the soldiers come from?", "Recruits came from Buryatia.", true)]
    [InlineData(QuestionType.Why, "Why did he leave?", "He left because he feared being sent to war.", true)]
    [InlineData(QuestionType.Why, "Why did he leave?", "He left on a Friday night.", false)]
    public void Shows_AnswerTypeCue(QuestionType type, string question, string sentence, bool expected)
    {
        var terms = CorpusBot.Core.Text.Tokenizer.ContentWords(question)
            .Select(w => new KeyTerm(CorpusBot.Core.Text.Tokenizer.Stem(w), false, char.IsDigit(w[0]), 1, true, false))
            .ToList();
        Assert.Equal(expected, AnswerCue.Shows(new QuestionProfile(question, type, terms), sentence));
    }

    [Theory]
    [InlineData("How many beds were kept free?", "They were ordered to leave 250 beds free for Russian victims.", true)]
    [InlineData("How many wounded soldiers were treated?", "Nearly 900 wounded Russian soldiers were treated in Gomel.", true)]
    [InlineData("How many doctors were there?", "A doctor shared dozens of X-rays with CNN.", false)]
    [InlineData("How many beds were kept free?", "The hospital had 250 staff and many free beds.", false)]
    [InlineData("How many beds were kept free in 2022?", "In 2022 beds were kept free.", false)]
    [InlineData("How long did the war last?", "The war lasted 3 weeks.", false)]
    [InlineData("How many wounded Russian soldiers were treated?", "Putin sent around 30,000 soldiers for joint military training.", false)]
    [InlineData("How many wounded Russian soldiers were treated?", "We treated about 160 to 170 wounded during this entire period.", true)]
    [InlineData("How many wounded soldiers were treated?", "Of the 400 soldiers sent, most came back wounded and were treated.", true)]
    public void CountsAskedThing_TheNumberMustCountTheAskedWord(string question, string sentence, bool expected)
    {
        var terms = CorpusBot.Core.Text.Tokenizer.ContentWords(question)
            .Select(w => new KeyTerm(CorpusBot.Core.Text.Tokenizer.Stem(w), false, char.IsDigit(w[0]), 1, true, false))
            .ToList();
        Assert.Equal(expected, AnswerCue.CountsAskedThing(new QuestionProfile(question, QuestionAnalyzer.TypeOf(question), terms), sentence));
    }

    [Fact]
    public void FigureRuns_HowManyQuote_CarriesOnThroughTheNextFiguresOfTheAskedAct()
    {
        const string question = "How many soldiers died in the first week?";
        string[] texts =
        [
            "The ministry said the first losses were 498 soldiers killed.",
            "U. S. estimates.",
            "Western officials put the death toll at between 3,000 and 10,000.",
            "Some 3,000 doctors could be called up.",
            "Later the official count said 6,000 soldiers had been killed.",
        ];
        var pool = texts.Select((t, i) => new ReaderSentence("doc", "Doc", null, i, i * 100, (i * 100) + t.Length, t, 0, true)).ToList();
        var first = new QuoteUnit([pool[0]], new HashSet<string>(), 0.5, 0.5, true, 5, 0.6);

        var howMany = FigureRuns.Extend(Profile(question, QuestionType.HowMany), [first], pool);
        var who = FigureRuns.Extend(Profile("Who said how many soldiers died?", QuestionType.Who), [first], pool);
        var passive = FigureRuns.Extend(Profile("How many soldiers were killed?", QuestionType.HowMany), [first], pool);

        // The short subheading between two figures is carried along; a figure of another act ("called up") ends the run.
        Assert.Equal(texts[..3], Assert.Single(howMany).Sentences.Select(s => s.Text));
        Assert.Same(first, Assert.Single(who));
        Assert.Same(first, Assert.Single(passive)); // names no act: a number of soldiers alone may count them for another
    }

    private static QuestionProfile Profile(string question, QuestionType type) =>
        new(question, type, [.. CorpusBot.Core.Text.Tokenizer.ContentWords(question)
            .Select(w => new KeyTerm(CorpusBot.Core.Text.Tokenizer.Stem(w), false, char.IsDigit(w[0]), 1, true, false))])
        { Focus = QuestionFocus.Of(question) };
}
