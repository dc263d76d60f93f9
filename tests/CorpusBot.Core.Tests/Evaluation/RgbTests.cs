using CorpusBot.Core.Evaluation;

namespace CorpusBot.Core.Tests.Evaluation;

public class RgbTests
{
    private const string TwoQuestions = """
        {"id": 0, "query": "Super Bowl 2021 location", "answer": "Tampa, Florida", "positive": ["The game was played on February 7, 2021, at Raymond James Stadium in Tampa, Florida, the home stadium of the Buccaneers."], "negative": ["Super Bowl LVII will take place at State Farm Stadium in Glendale, Arizona, the home of the Cardinals."]}
        {"id": 7, "query": "When was the bridge opened?", "answer": [["July 21 2017", "Jul 21, 2017"]], "positive": ["The new bridge was opened to traffic on Jul 21, 2017, after four years of work."], "negative": ["The old bridge was closed for repairs in the spring after engineers found cracks."]}
        """;

    [Fact]
    public void Parse_StringsListsAndAliasLists_FlattenToAcceptedAnswers()
    {
        var cases = RgbReader.Parse(TwoQuestions, "rgb.jsonl");

        Assert.Equal(["Tampa, Florida"], cases[0].Answers);
        Assert.Equal(["July 21 2017", "Jul 21, 2017"], cases[1].Answers);
        Assert.Equal("7", cases[1].Id);
        Assert.Single(cases[1].Positive);
    }

    [Fact]
    public void Parse_BadLine_NamesItsNumber()
    {
        var e = Assert.Throws<EvalInputException>(() => RgbReader.Parse("{\"id\":1,\"query\":\"q\"}\n{bad", "rgb.jsonl"));
        Assert.Contains("line 1:", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Documents_RejectionProtocol_StoresNegativesOnly()
    {
        var cases = RgbReader.Parse(TwoQuestions, "rgb.jsonl");

        Assert.Equal(["q0-p0", "q0-n0", "q7-p0", "q7-n0"], RgbBenchmark.Documents(cases, RgbProtocol.Answering).Select(d => d.Id));
        Assert.Equal(["q0-n0", "q7-n0"], RgbBenchmark.Documents(cases, RgbProtocol.Rejection).Select(d => d.Id));
    }

    [Fact]
    public async Task RunAsync_BothProtocols_BuildTheirOwnCorpusAndScoreEveryQuestion()
    {
        var cases = RgbReader.Parse(TwoQuestions, "rgb.jsonl");
        var benchmark = new RgbBenchmark(path => EvalCorpus.CreateCoreHost(path));

        var answering = await benchmark.RunAsync(cases, RgbProtocol.Answering, CancellationToken.None);
        var rejection = await benchmark.RunAsync(cases, RgbProtocol.Rejection, CancellationToken.None);

        Assert.Equal(4, answering.Documents);
        Assert.Equal(2, answering.Report.Totals.AnswerableCases);
        Assert.Equal(2, rejection.Documents);
        Assert.Equal(2, rejection.Report.Totals.RefusalCases);
        Assert.Equal(1.0, rejection.Report.Totals.QuoteExactness);
        Assert.Equal(1.0, answering.Report.Totals.QuoteExactness);
    }

    [Fact]
    public async Task RunAsync_PerQuestion_EachQuestionSeesOnlyItsOwnSnippets()
    {
        // The second question's negative snippet answers the first question: pooled, it is there to quote; asked over
        // its own snippets, the first question has nothing that answers it.
        const string crossed = """
            {"id": 1, "query": "Where was Super Bowl LV played?", "answer": "Tampa", "positive": ["Super Bowl LV was played at Raymond James Stadium in Tampa."], "negative": ["The halftime show of the final drew record audiences for the network."]}
            {"id": 2, "query": "Who won Super Bowl LVII?", "answer": "Kansas City Chiefs", "positive": ["The Kansas City Chiefs won Super Bowl LVII."], "negative": ["Super Bowl LV was played at Raymond James Stadium in Tampa, the home of the Buccaneers."]}
            """;
        var cases = RgbReader.Parse(crossed, "rgb.jsonl");
        var benchmark = new RgbBenchmark(path => EvalCorpus.CreateCoreHost(path));

        var pooled = await benchmark.RunAsync(cases, RgbProtocol.Rejection, CancellationToken.None);
        var perQuestion = await benchmark.RunAsync(cases, RgbProtocol.Rejection, CancellationToken.None, corpus: RgbCorpus.PerQuestion);

        Assert.Equal(RgbCorpus.PerQuestion, perQuestion.Corpus);
        Assert.Equal(2, perQuestion.Documents);
        Assert.Contains(pooled.Report.Cases, c => c.Id == "rgb1" && !c.Refused && c.Quotes.Any(q => q.Contains("Tampa", StringComparison.Ordinal)));
        Assert.All(perQuestion.Report.Cases, c => Assert.True(c.Refused, $"{c.Id} was answered from another question's snippet"));
    }
}
