using System.Text.Json;
using CorpusBot.Core.Tests.Fixtures;
using static CorpusBot.Core.Tests.Fixtures.PdfFixtures;

namespace CorpusBot.Tests.Cli;

/// <summary>`corpusbot ingest` with PDF, Word and HTML files, then `ask`: citations carry page, publisher, date and URL.</summary>
public sealed class DocumentMetadataCliTests
{
    [Fact]
    public async Task IngestPdfDocxHtml_AskJson_CitationsCarryPagePublisherAndDate()
    {
        using var temp = new TempFolder();
        var folder = Path.Combine(temp.Path, "in");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "kelvo.pdf"), Build(
            [
                Column(50, "Port Kelvo opened its new harbour in 1998 after", "years of delay."),
                Column(50, "The harbour master of Port Kelvo is Ilse Varga,", "who took office in 2019."),
            ],
            title: "Port Kelvo Harbour Report",
            created: "D:20260122093000Z"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "zelva.docx"), DocxFixtures.Report());
        await File.WriteAllBytesAsync(Path.Combine(folder, "broken.docx"), DocxFixtures.Report()[..200]);
        temp.Write("in/mazyr.html", """
            <html><head><title>x</title><script type="application/ld+json">
            {"@type":"NewsArticle","headline":"Mazyr clinic expands","datePublished":"2025-12-01","publisher":{"name":"Polesie News"},"url":"https://example.org/mazyr"}
            </script></head><body><p>The Mazyr clinic opened a second surgical ward in November.</p></body></html>
            """);

        var ingest = await CliRunner.RunAsync(["ingest", folder, "--db", temp.Database]);

        Assert.Equal(3, ingest.ExitCode);
        Assert.Contains("Added 3,", ingest.Stdout, StringComparison.Ordinal);
        Assert.Contains(ingest.Stdout.Split('\n'), l => l.StartsWith("rejected", StringComparison.Ordinal) && l.Contains("broken.docx is not a readable Word document", StringComparison.Ordinal));

        var pdf = Citation(await AskJsonAsync(temp, "Who is the harbour master of Port Kelvo?"));
        Assert.Equal("kelvo", pdf.GetProperty("document").GetString());
        Assert.Equal(2, pdf.GetProperty("page").GetInt32());
        Assert.Equal("2026-01-22", pdf.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, pdf.GetProperty("publisher").ValueKind);
        Assert.Equal(JsonValueKind.Null, pdf.GetProperty("url").ValueKind);

        var html = Citation(await AskJsonAsync(temp, "What did the Mazyr clinic open in November?"));
        Assert.Equal("Polesie News", html.GetProperty("publisher").GetString());
        Assert.Equal("2025-12-01", html.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, html.GetProperty("page").ValueKind);

        // The source as people know it; the document id and offsets only with --verbose.
        var text = await CliRunner.RunAsync(["ask", "--db", temp.Database, "What did the Mazyr clinic open in November?"]);
        Assert.Contains(text.Stdout.ReplaceLineEndings("\n").Split('\n'), l => l == "    — Mazyr clinic expands, Polesie News, 2025-12-01");
        Assert.DoesNotContain("characters", text.Stdout, StringComparison.Ordinal);
        var verbose = await CliRunner.RunAsync(["ask", "--verbose", "--db", temp.Database, "What did the Mazyr clinic open in November?"]);
        Assert.Contains("— Mazyr clinic expands, Polesie News, 2025-12-01 (mazyr, characters ", verbose.Stdout, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> AskJsonAsync(TempFolder temp, string question)
    {
        var result = await CliRunner.RunAsync(["ask", "--json", "--db", temp.Database], stdin: question + "\n");
        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        return JsonDocument.Parse(result.Stdout.Trim().Split('\n')[0]).RootElement.Clone();
    }

    private static JsonElement Citation(JsonElement answer)
    {
        Assert.False(answer.GetProperty("refused").GetBoolean(), answer.ToString());
        return answer.GetProperty("citations")[0];
    }
}
