using CorpusBot.WebConsole.Answers;
using CorpusBot.WebConsole.Review;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorpusBot.WebConsole.Pages;

/// <summary>One answer in full, with its quotes in context (and, for moderators while pending, approve / reject).</summary>
internal sealed class AnswerModel(AnswerQueries answers, AnswerCards cards) : PageModel
{
    public AnswerCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await answers.GetAsync(id, cancellationToken) is not { } answer)
        {
            return NotFound();
        }

        Card = (await cards.BuildAsync([answer], cancellationToken))[0];
        return Page();
    }
}
