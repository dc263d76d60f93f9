namespace CorpusBot.Tests.Cli;

public class CorpusCommandsTests
{
    [Fact]
    public async Task Ingest_GoodAndMissingPaths_AddsGoodReportsRejectedExit3()
    {
        using var temp = new TempFolder();
        var good = temp.Write("docs/report.txt", "Field hospitals in Mozyr treated soldiers in March. Staff were told to keep quiet.");
        var missing = Path.Combine(temp.Path, "nope.txt");

        var result = await CliRunner.RunAsync(["ingest", good, missing, "--db", temp.Database]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("added", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("report", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"rejected   {missing}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Added 1, updated 0, unchanged 0, rejected 1.", result.Stdout, StringComparison.Ordinal);

        var again = await CliRunner.RunAsync(["ingest", good, "--db", temp.Database]);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("unchanged 1", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocsAndRemove_ListThenRemove_UnknownIdExit5()
    {
        using var temp = new TempFolder();
        var file = temp.Write("note.txt", "The clinic in Gomel was guarded by soldiers.");
        Assert.Equal(0, (await CliRunner.RunAsync(["ingest", file, "--db", temp.Database])).ExitCode);

        var docs = await CliRunner.RunAsync(["docs", "--db", temp.Database]);
        Assert.Equal(0, docs.ExitCode);
        Assert.Contains("note", docs.Stdout, StringComparison.Ordinal);

        var removed = await CliRunner.RunAsync(["remove", "note", "--db", temp.Database]);
        Assert.Equal(0, removed.ExitCode);
        var unknown = await CliRunner.RunAsync(["remove", "note", "--db", temp.Database]);
        Assert.Equal(5, unknown.ExitCode);
        Assert.Contains("No document with id 'note'", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_TwoQuestionsThenExit_AnswersBoth()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["chat", "--db", temp.Database], stdin: "Who ordered Belarusian doctors to treat wounded Russian soldiers?\nhello\nexit\n");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Lukashenko", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("I can't answer that from the sources I have.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOption_ExitUsageWithHint()
    {
        var result = await CliRunner.RunAsync(["ask", "hi", "--jsn"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--jsn", result.Stderr, StringComparison.Ordinal);
    }
}
