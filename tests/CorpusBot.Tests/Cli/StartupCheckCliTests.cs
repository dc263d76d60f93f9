namespace CorpusBot.Tests.Cli;

public sealed class StartupCheckCliTests
{
    [Fact]
    public async Task Ask_OnAFileThatIsNotADatabase_OneLineNamingIt_Exit1()
    {
        using var temp = new TempFolder();
        temp.Write("notes.db", string.Concat(Enumerable.Repeat("These are my notes, not a database.\n", 200)));
        var path = Path.Combine(temp.Path, "notes.db");

        var result = await CliRunner.RunAsync(["ask", "--db", path, "Who ordered the doctors?"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{path} is not a SQLite database. Point Storage:DatabasePath (or --db) at a CorpusBot database, or move the file away to start a new one.", result.Stderr.Trim());
        Assert.Equal(string.Empty, result.Stdout);
    }
}
