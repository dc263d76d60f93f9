using CorpusBot.Telegram.Moderation;
using CorpusBot.WebConsole.Answers;
using CorpusBot.WebConsole.Review;
using CorpusBot.WebConsole.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.Pages;

/// <summary>
/// The review queue (moderators). Approve / reject go through <see cref="AnswerReviewer"/>, the same
/// service the Telegram buttons use, so the effect (status, audit entry, withdrawal) is identical.
/// </summary>
[Authorize(Policy = ConsoleRoles.ModeratorPolicy)]
internal sealed class ReviewModel(
    AnswerQueries answers,
    AnswerCards cards,
    AnswerReviewer reviewer,
    IOptions<ConsoleOptions> options,
    ILogger<ReviewModel> logger) : PageModel
{
    public AnswerFilterForm Filters { get; private set; } = new();

    public ResultPage<LoggedAnswer> Results { get; private set; } = new([], 1, 1, 0);

    public IReadOnlyList<AnswerCard> Cards { get; private set; } = [];

    public Pager Pager => Pager.Of(Results, n => Filters.Link(this, "/Review", n));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filters = AnswerFilterForm.FromQuery(Request.Query, defaultStatus: "pending");
        (Filters.Reasons, Filters.Modes) = await answers.FacetsAsync(cancellationToken);
        Results = await answers.ReviewQueueAsync(Filters.ToFilter(), Filters.Page, options.Value.PageSize, cancellationToken);
        Cards = await cards.BuildAsync(Results.Items, cancellationToken);
    }

    public async Task<IActionResult> OnPostDecideAsync(long answerId, string? decision, string? returnUrl, CancellationToken cancellationToken)
    {
        if (decision is not ("approve" or "reject") || answerId <= 0)
        {
            return BadRequest();
        }

        var moderator = ConsoleRoles.UserId(User);
        var approve = decision == "approve";
        var result = await reviewer.DecideAsync(answerId, approve, moderator, cancellationToken);
        ConsoleLog.Reviewed(logger, moderator, result.ToString(), answerId);
        TempData["Flash"] = result switch
        {
            ReviewOutcome.Approved => $"Answer #{answerId} approved.",
            ReviewOutcome.Rejected => $"Answer #{answerId} rejected; the bot withdraws it in the asker's chat.",
            _ => $"Answer #{answerId} was already reviewed, or does not exist; nothing changed.",
        };
        return LocalRedirect(returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : Url.Page("/Review") ?? "/");
    }
}
