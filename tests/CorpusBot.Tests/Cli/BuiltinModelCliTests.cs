using System.Text.Json;

namespace CorpusBot.Tests.Cli;

/// <summary>The default embedder, arctic-embed-xs, through the real program: found beside it, and swapped in with progress.</summary>
public class BuiltinModelCliTests
{
    private const string Question = "Who ordered Belarusian doctors to treat wounded Russian soldiers?";
    private static readonly Dictionary<string, string> Builtin = new() { ["CORPUSBOT_Embeddings__Provider"] = "Builtin" };

    [Fact]
    public async Task Ask_OnALexicalCorpus_ReembedsWithTheBuiltinModelAtStartWithProgress()
    {
        using var temp = new TempFolder();
        var lexical = await CliRunner.RunAsync(["ask", Question, "--db", temp.Database]);
        Assert.Equal(0, lexical.ExitCode);
        Assert.DoesNotContain("re-embedding", lexical.Stderr, StringComparison.Ordinal);

        var builtin = await CliRunner.RunAsync(["ask", Question, "--json", "--db", temp.Database], environment: Builtin);

        Assert.Equal(0, builtin.ExitCode);
        Assert.Contains("The embedding model changed: re-embedding the corpus before answering.", builtin.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"(\d+)/\1 passages embedded", builtin.Stderr);
        using var json = JsonDocument.Parse(builtin.Stdout.Trim());
        Assert.False(json.RootElement.GetProperty("refused").GetBoolean());
        Assert.Contains("Lukashenko", json.RootElement.GetProperty("answer").GetString(), StringComparison.Ordinal);

        var again = await CliRunner.RunAsync(["ask", Question, "--db", temp.Database], environment: Builtin);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("re-embedding", again.Stderr, StringComparison.Ordinal);
    }
}
