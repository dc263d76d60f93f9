using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Builtin;
using CorpusBot.Core.Retrieval;
using CorpusBot.Core.Tests.Fakes;

namespace CorpusBot.Core.Tests.Answering;

/// <summary>
/// What the reader gets to read. In a corpus of many stories on one subject, the passage that answers is often ranked
/// behind near-misses that share more of the question's words; the reader must still see it.
/// </summary>
public class ReaderIntakeTests
{
    private const string Question = "What was Tesla's revenue in Q1 2021?";

    [Fact]
    public async Task AskAsync_AnswerRankedBehindNineNearMisses_IsQuoted()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        string[] nearMisses =
        [
            "Tesla revenue news for Q1 2021: what Tesla said about revenue.",
            "Analysts on Tesla revenue in Q1 2021 and Tesla margins.",
            "Tesla's revenue story of Q1 2021, told by Tesla investors.",
            "Why Tesla revenue in Q1 2021 matters to Tesla shareholders.",
            "Tesla earnings call, Q1 2021: Tesla revenue questions from the press.",
            "A look back at Tesla revenue and the Tesla share price in Q1 2021.",
            "Tesla revenue forecasts for Q1 2021 from Tesla watchers.",
            "Tesla's Q1 2021 revenue guidance, as Tesla gave it.",
            "Reading Tesla revenue reports of Q1 2021 with Tesla's auditors.",
        ];
        for (var i = 0; i < nearMisses.Length; i++)
        {
            await corpus.AddAsync($"miss-{i}", nearMisses[i]);
        }

        const string Answer = "That represents an 81 percent increase year over year, compared to $10.4 billion in revenue in Q1 2021.";
        await corpus.AddAsync("answer", Answer);

        // The premise: eight passages would not reach it.
        var firstEight = await corpus.Get<IRetriever>().RetrieveAsync(Question, 8, CancellationToken.None);
        Assert.DoesNotContain(firstEight, p => p.DocumentId == "answer");

        var answer = await corpus.Get<AnswerService>().AskAsync(Question, CancellationToken.None);

        Assert.False(answer.Refused, answer.Text);
        Assert.Contains(answer.Citations, c => c.Quote.Contains("$10.4 billion", StringComparison.Ordinal));
    }

    /// <summary>
    /// The passages read are many (<see cref="AnsweringOptions.TopK"/>), so the sentences read by meaning must be too:
    /// a sentence that is 15th of 30 by the question's words, in a passage far from the top, still gets its meaning
    /// read (here fourteen sentences say the question's words back without answering it).
    /// </summary>
    [Fact]
    public async Task BuildAsync_SentenceFifteenthByWordsOfTenPassages_IsReadByMeaning()
    {
        using var generator = BuiltinModel.CreateGenerator();
        var semantics = new SemanticFit(generator, new QueryVectors(generator));
        var profile = ZelvaQuestion.Profile;
        const string Answer = "Doctors in Zelva cared for 140 wounded soldiers in March.";
        var sentences = new List<ReaderSentence>();
        var texts = new Dictionary<string, string>();
        var echoes = 0;
        for (var passage = 0; passage < 10; passage++)
        {
            var document = $"d{passage}";
            var lines = Enumerable.Range(0, 3).Select(i => passage switch
            {
                4 when i == 1 => Answer,
                >= 5 when echoes < 14 => $"Soldiers were treated in Zelva, notice {++echoes} said.",
                _ => $"The weather on day {(passage * 3) + i} was mild.",
            }).ToList();
            var text = string.Join(' ', lines);
            texts[document] = text;
            var start = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                sentences.Add(new ReaderSentence(document, document, null, i, start, start + lines[i].Length, lines[i], passage, true));
                start += lines[i].Length + 1;
            }
        }

        var units = await QuoteUnits.BuildAsync(profile, new ReaderCandidates(sentences, texts), semantics, new AnsweringOptions(), CancellationToken.None);

        Assert.Equal(14, echoes);
        Assert.True(units.Single(u => u.Sentences.Count == 1 && u.First.Text == Answer).Fit > 0, "the answer is read by meaning");
    }

    /// <summary>
    /// A sentence two documents share (a page-date label such as "Jul 22, 2020 ...") stays in each: dropping the
    /// second copy would cut that document's label from the sentence it dates, and with it the question's year.
    /// </summary>
    [Fact]
    public async Task CollectAsync_LabelSharedByTwoDocuments_KeptInEach()
    {
        await using var corpus = await TestCorpus.CreateAsync();
        await corpus.AddAsync("first", "Jul 22, 2020 ... Tesla has just released its Q2 2020 financial results.");
        await corpus.AddAsync("second", "Jul 22, 2020 ... Tesla reports fourth straight quarter of profits · Revenue: $6.04 billion.");
        var passages = await corpus.Get<IRetriever>().RetrieveAsync("What was Tesla's revenue in Q2 2020?", 10, CancellationToken.None);
        Assert.Equal(2, passages.Count);

        var pool = await corpus.Get<CandidateSentences>().CollectAsync(passages, CancellationToken.None);

        Assert.Equal(2, pool.Sentences.Count(s => s.Text == "Jul 22, 2020 ..."));
        Assert.Single(pool.Sentences, s => s.DocumentId == "second" && s.Index == 0 && s.Text == "Jul 22, 2020 ...");
    }
}
