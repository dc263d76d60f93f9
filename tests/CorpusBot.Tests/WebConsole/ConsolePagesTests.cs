using System.Net;
using System.Text;
using CorpusBot.Tests.Telegram.Fakes;
using static CorpusBot.Tests.Telegram.Fakes.TelegramUpdates;

namespace CorpusBot.Tests.WebConsole;

/// <summary>Answers log and CSV, Gaps, Stats, Documents and the audit log, through the test server.</summary>
public sealed class ConsolePagesTests
{
    [Fact]
    public async Task AnswersLog_ListsEveryQuestion_AndExportsCsvSafely()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        await console.Bot.AskAsync(Stranger, "=HYPERLINK(\"http://x\",\"who, \"\"really\"\"?\")");
        var client = await console.SignedInClientAsync(Maintainer);

        var page = await client.GetStringAsync("/answers");
        var refused = await client.GetStringAsync("/answers?outcome=refused");
        var csv = await client.GetAsync("/answers?handler=Csv");
        var body = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        var detail = await client.GetStringAsync("/answer?id=1");

        Assert.Contains("When was it built?", page, StringComparison.Ordinal);
        Assert.Contains("refused: no_evidence", page, StringComparison.Ordinal);
        Assert.DoesNotContain("When was it built?", refused, StringComparison.Ordinal);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType?.ToString());
        var lines = body.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("id,asked_at,channel,question,outcome", lines[0], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"who, \"\"\"\"really\"\"\"\"?\"\")\",refused,no_evidence,", lines[1], StringComparison.Ordinal);
        Assert.Contains("cape-mira-lighthouse 0-67", lines[2], StringComparison.Ordinal);
        Assert.Contains("<mark>The lighthouse at Cape Mira was built in 1874 by the harbour board.</mark>", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"approve\"", detail, StringComparison.Ordinal); // a maintainer does not review
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/answer?id=99")).StatusCode);
    }

    [Fact]
    public async Task Gaps_GroupedByWording_MostFrequentFirst_MaintainerMarks_ModeratorCannot()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "Who painted the harbour walls?");
        await console.Bot.AskAsync(Stranger, "Where is the ferry terminal?");
        await console.Bot.AskAsync(Stranger, "who painted the harbour wall");
        var maintainer = await console.SignedInClientAsync(Maintainer);
        var moderator = await console.SignedInClientAsync(Moderator);

        var page = await maintainer.GetStringAsync("/gaps");
        Assert.True(page.IndexOf("harbour wall", StringComparison.Ordinal) < page.IndexOf("ferry terminal", StringComparison.Ordinal));
        Assert.Contains("<strong>2</strong> time(s)", page, StringComparison.Ordinal);

        var denied = await ConsoleHarness.PostFormAsync(moderator, "/gaps", "/gaps?handler=Mark", [new("key", "ferry terminal"), new("status", "out_of_scope")]);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(0, await console.Bot.ScalarAsync("SELECT count(*) FROM gap_marks"));

        var marked = await ConsoleHarness.PostFormAsync(maintainer, "/gaps", "/gaps?handler=Mark", [new("key", "ferry terminal"), new("status", "out_of_scope")]);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal("out_of_scope", await console.Bot.StringAsync("SELECT status FROM gap_marks WHERE wording = 'ferry terminal'"));
        Assert.Equal(1, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'mark-gap' AND actor = 'telegram:200'"));
        Assert.DoesNotContain("ferry terminal", await maintainer.GetStringAsync("/gaps"), StringComparison.Ordinal);
        Assert.Contains("ferry terminal", await maintainer.GetStringAsync("/gaps?show=out_of_scope"), StringComparison.Ordinal);
        var bad = await ConsoleHarness.PostFormAsync(maintainer, "/gaps", "/gaps?handler=Mark", [new("key", "x"), new("status", "delete_everything")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Stats_DrawsSvgCharts_FromTheLog()
    {
        await using var console = await ConsoleHarness.StartAsync();
        await Corpus.LoadAsync(console.Bot);
        await console.Bot.AskAsync(Stranger, "When was it built?");
        await console.Bot.AskAsync(Stranger, "Who painted the harbour walls?");
        var client = await console.SignedInClientAsync(Moderator);

        var page = await client.GetStringAsync("/stats");

        Assert.Contains("2 questions in all: <strong>1</strong> answered, <strong>1</strong> refused", page, StringComparison.Ordinal);
        Assert.Contains("<svg xmlns=\"http://www.w3.org/2000/svg\"", page, StringComparison.Ordinal);
        Assert.Contains("<title>no_evidence: 1</title>", page, StringComparison.Ordinal);
        Assert.Contains("<td>latency p50</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Documents_AddTextAndUrl_Remove_Audited_AndListed()
    {
        await using var console = await ConsoleHarness.StartAsync(s => s["Fetch:AllowPrivateAddresses"] = "true");
        console.Bot.Api.Pages["/pier.html"] = ("text/html", "<html><head><title>Pier notes</title></head><body><p>The pier is 300 metres long.</p></body></html>");
        var client = await console.SignedInClientAsync(Maintainer);

        var text = await ConsoleHarness.PostFormAsync(client, "/documents", "/documents?handler=Text", [new("title", "Harbour Notes"), new("text", "The harbour was dredged in 1990.")]);
        var url = await ConsoleHarness.PostFormAsync(client, "/documents", "/documents?handler=Url", [new("url", console.Bot.Api.BaseUrl + "/pier.html")]);
        var badUrl = await ConsoleHarness.PostFormAsync(client, "/documents", "/documents?handler=Url", [new("url", "file:///etc/passwd")]);

        Assert.Equal(HttpStatusCode.Redirect, text.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, url.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, badUrl.StatusCode);
        Assert.Equal(2, await console.Bot.ScalarAsync("SELECT count(*) FROM documents"));
        Assert.Equal(2, await console.Bot.ScalarAsync("SELECT count(*) FROM audit_log WHERE action = 'add' AND actor = 'telegram:200'"));
        Assert.Equal(console.Bot.Api.BaseUrl + "/pier.html", await console.Bot.StringAsync("SELECT url FROM document_sources")); // re-checked on schedule, as /add URL
        var list = await client.GetStringAsync("/documents");
        Assert.Contains("Harbour Notes", list, StringComparison.Ordinal);
        Assert.Contains("Pier notes", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Harbour Notes", await client.GetStringAsync("/documents?q=pier"), StringComparison.Ordinal);

        var id = await console.Bot.StringAsync("SELECT id FROM documents WHERE title = 'Harbour Notes'");
        var unconfirmed = await ConsoleHarness.PostFormAsync(client, "/documents", "/documents?handler=Remove", [new("id", id!)]);
        Assert.Equal(HttpStatusCode.Redirect, unconfirmed.StatusCode);
        Assert.Equal(2, await console.Bot.ScalarAsync("SELECT count(*) FROM documents"));
        await ConsoleHarness.PostFormAsync(client, "/documents", "/documents?handler=Remove", [new("id", id!), new("confirm", "yes")]);
        Assert.Equal(1, await console.Bot.ScalarAsync("SELECT count(*) FROM documents"));
        var audit = await client.GetStringAsync("/audit");
        Assert.Contains("<td>remove</td>", audit, StringComparison.Ordinal);
        Assert.Contains("console-sign-in", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_UploadRefusals_NameTheProblem()
    {
        await using var console = await ConsoleHarness.StartAsync(s => s["Corpus:MaxFileBytes"] = "100");
        var client = await console.SignedInClientAsync(Maintainer);
        var html = await client.GetStringAsync("/documents");
        var token = System.Net.WebUtility.HtmlDecode(ConsoleHarness.TokenPattern().Match(html).Groups[1].Value);

        async Task<string> UploadAsync(string name, byte[] content)
        {
            using var form = new MultipartFormDataContent { { new StringContent(token), "__af" }, { new ByteArrayContent(content), "file", name } };
            var response = await client.PostAsync("/documents?handler=Upload", form);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return await client.GetStringAsync("/documents");
        }

        Assert.Contains("the file is 500 bytes, over the limit of 100 bytes", await UploadAsync("big.txt", new byte[500]), StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", await UploadAsync("script.exe", "MZ"u8.ToArray()), StringComparison.Ordinal);
        Assert.Equal(0, await console.Bot.ScalarAsync("SELECT count(*) FROM documents"));
    }
}
