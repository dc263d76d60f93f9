using CorpusBot.Core.Evaluation;

namespace CorpusBot.Core.Tests.Evaluation;

public class EvalCaseReaderTests
{
    [Fact]
    public void Parse_ValidLines_ReturnsCasesAndSkipsBlankLines()
    {
        const string text = """
            {"id":"a1","category":"answerable","question":"Who?","answers":["Lukashenko"]}

            {"id":"u1","category":"unanswerable","question":"What name?","answers":[]}
            {"id":"o1","category":"off_topic","question":"Poem?"}
            """;

        var cases = EvalCaseReader.Parse(text, "test.jsonl");

        Assert.Equal(["a1", "u1", "o1"], cases.Select(c => c.Id));
        Assert.True(cases[0].ExpectsAnswer);
        Assert.Equal(["Lukashenko"], cases[0].Answers);
        Assert.False(cases[1].ExpectsAnswer);
        Assert.Empty(cases[2].Answers);
    }

    [Fact]
    public void Parse_BadLines_NamesEveryBadLineByNumber()
    {
        const string text = """
            {"id":"a1","category":"answerable","question":"Who?","answers":["x"]}
            not json
            {"id":"a2","category":"weird","question":"Who?","answers":["x"]}
            {"id":"a1","category":"override","question":"Again?","answers":[]}
            {"id":"a3","category":"answerable","question":"Who?","answers":[]}
            {"id":"u1","category":"unanswerable","question":"Who?","answers":["x"]}
            {"id":"a4","category":"answerable","question":"","answers":["x"]}
            {"id":"a5","category":"answerable","question":"Who?","answers":[1]}
            """;

        var e = Assert.Throws<EvalInputException>(() => EvalCaseReader.Parse(text, "dev.jsonl"));

        Assert.StartsWith("dev.jsonl: 7 bad line(s)", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2: not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: \"category\" must be one of", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: duplicate id \"a1\" (first used on line 1)", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: an answerable case needs at least one accepted answer", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: a unanswerable case expects a refusal", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 7: \"question\" is missing or empty", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 8: \"answers\" must hold only non-empty strings", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoCases_Throws()
    {
        var e = Assert.Throws<EvalInputException>(() => EvalCaseReader.Parse("\n\n", "empty.jsonl"));
        Assert.Contains("empty.jsonl: no cases", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadFileAsync_MissingFile_NamesThePath()
    {
        var e = await Assert.ThrowsAsync<EvalInputException>(() => EvalCaseReader.ReadFileAsync("/nope/missing.jsonl", CancellationToken.None));
        Assert.Contains("/nope/missing.jsonl", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DevSet_ParsesWithEveryCategoryAndAnswersPresentVerbatimInTheSeeds()
    {
        var root = RepoRoot.Path;
        var cases = await EvalCaseReader.ReadFileAsync(RepoRoot.DevSetPath, CancellationToken.None);
        var seeds = Directory.GetFiles(Path.Combine(root, "seeds"), "*.txt").Select(File.ReadAllText).ToList();

        Assert.InRange(cases.Count, 80, 130);
        Assert.All(EvalCategory.All, category => Assert.Contains(cases, c => c.Category == category));
        Assert.All(cases.Where(c => c.ExpectsAnswer), c => Assert.All(c.Answers, answer =>
            Assert.True(seeds.Exists(s => s.Contains(answer, StringComparison.OrdinalIgnoreCase)), $"{c.Id}: \"{answer}\" is in no seed")));
    }
}
