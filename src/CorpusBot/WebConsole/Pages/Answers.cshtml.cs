using System.Globalization;
using System.Text;
using CorpusBot.WebConsole.Answers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.Pages;

/// <summary>The answers log (moderators and maintainers) and its CSV export, with the review page's filters.</summary>
internal sealed class AnswersModel(AnswerQueries answers, IOptions<ConsoleOptions> options) : PageModel
{
    public AnswerFilterForm Filters { get; private set; } = new();

    public ResultPage<LoggedAnswer> Results { get; private set; } = new([], 1, 1, 0);

    public Pager Pager => Pager.Of(Results, n => Filters.Link(this, "/Answers", n));

    public string CsvLink => Filters.Link(this, "/Answers", 1, handler: "Csv");

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filters = AnswerFilterForm.FromQuery(Request.Query, defaultStatus: "all");
        (Filters.Reasons, Filters.Modes) = await answers.FacetsAsync(cancellationToken);
        Results = await answers.LogAsync(Filters.ToFilter(), Filters.Page, options.Value.PageSize, cancellationToken);
    }

    /// <summary>Every matching answer as CSV (RFC 4180, UTF-8 with BOM so spreadsheets read Cyrillic right).</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var filter = AnswerFilterForm.FromQuery(Request.Query, defaultStatus: "all").ToFilter();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"corpusbot-answers.csv\"";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync("id,asked_at,channel,question,outcome,reason,mode,elapsed_ms,notice,reported,review_status,helpful,not_helpful,reports,citations,answer,short_answer\r\n");
        await foreach (var a in answers.AllAsync(filter, cancellationToken))
        {
            var citations = string.Join(" | ", a.Citations.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.DocumentId} {c.Start}-{c.End}")));
            string[] fields =
            [
                a.Id.ToString(CultureInfo.InvariantCulture), a.AskedAt.ToString("O", CultureInfo.InvariantCulture), a.Channel, a.Question,
                a.Refused ? "refused" : "answered", a.Reason ?? "", a.Mode, a.ElapsedMs.ToString(CultureInfo.InvariantCulture), a.Notice ?? "",
                a.Reported ? "1" : "0", a.ReviewStatus, a.Helpful.ToString(CultureInfo.InvariantCulture),
                a.NotHelpful.ToString(CultureInfo.InvariantCulture), a.Reports.ToString(CultureInfo.InvariantCulture), citations, a.AnswerText,
                CorpusBot.Replies.ShortLine.PlainText(a.ShortAnswers),
            ];
            await writer.WriteAsync(string.Join(',', fields.Select(Csv.Field)) + "\r\n");
        }

        return new EmptyResult(); // the body is written; no page to render after it
    }
}
