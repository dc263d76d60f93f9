using System.Text.Json;

namespace CorpusBot.Tests.Cli;

public class EvalCommandTests
{
    private static string DevSet => Path.Combine(AskCommandTests.RepoRoot(), "tests", "CorpusBot.Core.Tests", "Evaluation", "devset.jsonl");

    [Fact]
    public async Task Eval_DevSetJson_ScoresEveryCaseWithEveryQuoteVerified()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["eval", DevSet, "--json", "--db", temp.Database]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(json.RootElement.GetProperty("cases").GetArrayLength(), totals.GetProperty("cases").GetInt32());
        Assert.Equal(totals.GetProperty("quotesTotal").GetInt32(), totals.GetProperty("quotesVerified").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("categories").GetArrayLength());
        Assert.True(json.RootElement.TryGetProperty("confusion", out _));
    }

    [Fact]
    public async Task Eval_DevSetTables_PrintsSummaryAndConfusionMatrix()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["eval", DevSet, "--db", temp.Database]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Answer accuracy", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Confusion matrix", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_BadLines_NamesThemExitUsage()
    {
        using var temp = new TempFolder();
        var file = temp.Write("bad.jsonl", "{\"id\":\"a\",\"category\":\"answerable\",\"question\":\"Q?\",\"answers\":[\"x\"]}\n{oops\n");

        var result = await CliRunner.RunAsync(["eval", file, "--db", temp.Database]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("line 2", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_NeitherFileNorRgb_ExitUsage()
    {
        var result = await CliRunner.RunAsync(["eval"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--rgb", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_RgbRejection_BuildsItsOwnCorpusAndLeavesTheMainDatabaseAlone()
    {
        using var temp = new TempFolder();
        var rgb = temp.Write("rgb.jsonl", """
            {"id": 1, "query": "Who won the 2019 chess cup?", "answer": "Ann Smith", "positive": ["The 2019 chess cup was won by Ann Smith of Leeds."], "negative": ["The 2018 chess cup was held in Oslo in a cold spring."]}
            """);

        var result = await CliRunner.RunAsync(["eval", "--rgb", rgb, "--protocol", "rejection", "--json", "--db", temp.Database]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var run = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("rejection", run.GetProperty("protocol").GetString());
        Assert.Equal(1, run.GetProperty("documents").GetInt32());
        Assert.False(File.Exists(temp.Database));
    }

    [Fact]
    public async Task Eval_RgbPerQuestion_TableNamesTheCorpusAndCountsWrongAnswers()
    {
        using var temp = new TempFolder();
        var rgb = temp.Write("rgb.jsonl", """
            {"id": 1, "query": "Who won the 2019 chess cup?", "answer": "Ann Smith", "positive": ["The 2019 chess cup was won by Ann Smith of Leeds."], "negative": ["The 2018 chess cup was held in Oslo in a cold spring."]}
            """);

        var result = await CliRunner.RunAsync(["eval", "--rgb", rgb, "--protocol", "answering", "--corpus", "per-question", "--db", temp.Database]);
        var bad = await CliRunner.RunAsync(["eval", "--rgb", rgb, "--corpus", "per-snippet", "--db", temp.Database]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("each question over its own snippets", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Answered wrong", result.Stdout, StringComparison.Ordinal);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("per-snippet", bad.Stderr, StringComparison.Ordinal);
    }
}
