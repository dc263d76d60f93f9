using System.Text.Json;

namespace CorpusBot.Tests.Cli;

public class AskCommandTests
{
    private const string ReadmeQuestion = "Who ordered Belarusian doctors to treat wounded Russian soldiers?";

    [Fact]
    public async Task Ask_FreshDatabaseJson_SeedsThenAnswersWithVerbatimCitations()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["ask", ReadmeQuestion, "--json", "--db", temp.Database]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout.Trim());
        var root = json.RootElement;
        foreach (var field in new[] { "question", "refused", "reason", "answer", "citations", "mode", "elapsedMs" })
        {
            Assert.True(root.TryGetProperty(field, out _), $"missing field {field}");
        }

        Assert.False(root.GetProperty("refused").GetBoolean());
        Assert.Equal("extractive", root.GetProperty("mode").GetString());
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        foreach (var c in citations)
        {
            var seed = File.ReadAllText(Path.Combine(RepoRoot(), "seeds", c.GetProperty("document").GetString() + ".txt")).ReplaceLineEndings("\n");
            var start = c.GetProperty("start").GetInt32();
            var end = c.GetProperty("end").GetInt32();
            Assert.Equal(seed[start..end], c.GetProperty("quote").GetString());
        }

        // The answer in a few words, cut from the first quote at its document offsets.
        var shortAnswer = root.GetProperty("shortAnswer");
        Assert.Contains("Lukashenko", shortAnswer.GetProperty("text").GetString(), StringComparison.Ordinal);
        var cited = citations[shortAnswer.GetProperty("citation").GetInt32()];
        var document = File.ReadAllText(Path.Combine(RepoRoot(), "seeds", cited.GetProperty("document").GetString() + ".txt")).ReplaceLineEndings("\n");
        Assert.Equal(shortAnswer.GetProperty("text").GetString(), document[shortAnswer.GetProperty("start").GetInt32()..shortAnswer.GetProperty("end").GetInt32()]);
        Assert.Contains(shortAnswer.GetProperty("text").GetString()!, cited.GetProperty("quote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_DbOptionBeforeSubcommand_Accepted()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["--db", temp.Database, "ask", ReadmeQuestion]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("[1]", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Database));
    }

    [Fact]
    public async Task Ask_BatchFromStdin_AnswersEachLineInOrder()
    {
        using var temp = new TempFolder();
        var questions = $"{ReadmeQuestion}\n\nWrite a poem about spring\nHow many wounded Russian soldiers were treated in Gomel and Khoiniki?\n";
        var result = await CliRunner.RunAsync(["ask", "--json", "--db", temp.Database], stdin: questions);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.Equal(ReadmeQuestion, lines[0].GetProperty("question").GetString());
        Assert.True(lines[1].GetProperty("refused").GetBoolean());
        Assert.Equal("out_of_scope", lines[1].GetProperty("reason").GetString());
        Assert.Empty(lines[1].GetProperty("citations").EnumerateArray());
        Assert.Contains(lines[2].GetProperty("citations").EnumerateArray(), c => c.GetProperty("quote").GetString()!.Contains("900", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("what\u0001is this", "control character")]
    public async Task Ask_BadQuestion_ClearMessageExitUsage(string question, string message)
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["ask", question, "--db", temp.Database]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_HugeQuestion_ClearMessage()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["ask", new string('a', 10_000), "--db", temp.Database]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Answering:MaxQuestionChars", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_InvalidSetting_ExitConfigurationNamingKey()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(
            ["ask", ReadmeQuestion, "--db", temp.Database],
            environment: new Dictionary<string, string> { ["CORPUSBOT_Answering__MaxQuotes"] = "0" });
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("Answering:MaxQuotes", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_CommandLineSetting_Applied()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["ask", "Write a poem", "--db", temp.Database, "--Answering:RefusalMessage=Nope, not from these sources."]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Nope, not from these sources.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_BatchWithSettingBeforeStdin_SettingNotTakenForTheQuestion()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(["ask", "--json", "--Answering:MaxQuotes=1", "--db", temp.Database],
            stdin: "Where were wounded Russian soldiers treated?\nWrite a poem\n");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Single(System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.GetProperty("citations").EnumerateArray());
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CorpusBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repo root not found");
    }
}
