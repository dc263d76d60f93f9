using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace CorpusBot.Tests.Cli;

public class CrashRecoveryTests
{
    [Fact]
    public async Task Ingest_KilledMidway_DatabaseIntactEveryDocumentWholeOrAbsent()
    {
        using var temp = new TempFolder();
        for (var i = 0; i < 300; i++)
        {
            var sentences = Enumerable.Range(0, 40).Select(j => $"Report {i} line {j} says wounded soldiers reached hospital {j % 7} in Gomel region.");
            temp.Write($"in/doc{i:D3}.txt", string.Join(' ', sentences));
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CORPUSBOT_Embeddings__Provider"] = "Lexical"; // as CliRunner: this test is about commits, not meaning
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "corpusbot.dll"), "ingest", Path.Combine(temp.Path, "in"), "--db", temp.Database })
        {
            start.ArgumentList.Add(arg);
        }

        using (var process = Process.Start(start)!)
        {
            // Kill -9 once some documents are committed and the rest are still coming.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (await CountAsync(temp.Database, "SELECT count(*) FROM documents") < 5 && DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(20);
            }

            Assert.False(process.HasExited, "ingest finished before it could be killed; make the input larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Equal("ok", await ScalarAsync(temp.Database, "PRAGMA integrity_check"));
        Assert.Equal(0L, await CountAsync(temp.Database, "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM chunks c WHERE c.document_id = d.id)"));
        Assert.Equal(await CountAsync(temp.Database, "SELECT count(*) FROM chunks"), await CountAsync(temp.Database, "SELECT count(*) FROM embeddings"));
        Assert.Equal(await CountAsync(temp.Database, "SELECT count(*) FROM chunks"), await CountAsync(temp.Database, "SELECT count(*) FROM chunks_fts"));
        var stored = await CountAsync(temp.Database, "SELECT count(*) FROM documents");
        Assert.InRange(stored, 5, 299);

        var rerun = await CliRunner.RunAsync(["ingest", Path.Combine(temp.Path, "in"), "--db", temp.Database]);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"unchanged {stored}, rejected 0.", rerun.Stdout, StringComparison.Ordinal);
        Assert.Equal(300L, await CountAsync(temp.Database, "SELECT count(*) FROM documents"));
    }

    private static async Task<long> CountAsync(string database, string sql)
    {
        if (!File.Exists(database))
        {
            return 0;
        }

        try
        {
            return Convert.ToInt64(await ScalarAsync(database, sql), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // schema not created yet
        }
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Pooling=false;Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
