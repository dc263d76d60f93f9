namespace CorpusBot.Tests.Cli;

/// <summary>`corpusbot chat` follows up like a private Telegram chat: the leaning question is rewritten and says so.</summary>
public sealed class ChatFollowUpTests
{
    [Fact]
    public async Task Chat_PronounFollowUp_AnsweredAsStandaloneQuestion_NewStartsAfresh()
    {
        using var temp = new TempFolder();
        var harbour = temp.Write("kelvo.txt", "Port Kelvo\nThe harbour master of Port Kelvo is Ilse Varga. Port Kelvo opened in 1998.");
        var zelva = temp.Write("zelva.txt", "Zelva\nThe Zelva hospital treated wounded soldiers in March.");
        Assert.Equal(0, (await CliRunner.RunAsync(["ingest", harbour, zelva, "--db", temp.Database])).ExitCode);

        var result = await CliRunner.RunAsync(
            ["chat", "--db", temp.Database],
            stdin: "Who is the harbour master of Port Kelvo?\nWhen did it open?\n/new\nWhen did it open?\nexit\n");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Single(lines, l => l.Contains("Answering: When did Port Kelvo open?", StringComparison.Ordinal));
        Assert.Contains("Port Kelvo opened in 1998.", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Starting afresh: your next question stands on its own.", result.Stdout, StringComparison.Ordinal);
    }
}
