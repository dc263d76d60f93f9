using CorpusBot.WebConsole.Gaps;
using CorpusBot.WebConsole.SignIn;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorpusBot.WebConsole.Pages;

/// <summary>Refused questions grouped by wording (everyone on staff); maintainers mark them "add a source" or "out of scope".</summary>
internal sealed class GapsModel(GapQueries gaps) : PageModel
{
    /// <summary>"open" (unmarked, the default), "add_source", "out_of_scope" or "all".</summary>
    public string Show { get; private set; } = "open";

    public IReadOnlyList<GapGroup> Groups { get; private set; } = [];

    public async Task OnGetAsync(string? show, CancellationToken cancellationToken)
    {
        Show = show is "add_source" or "out_of_scope" or "all" ? show : "open";
        var all = await gaps.GroupsAsync(cancellationToken);
        Groups = Show switch
        {
            "all" => all,
            "open" => [.. all.Where(g => g.Mark is null)],
            _ => [.. all.Where(g => g.Mark == Show)],
        };
    }

    /// <summary>Maintainers only (Razor Pages authorize whole pages, not handlers: checked here).</summary>
    public async Task<IActionResult> OnPostMarkAsync(string? key, string? status, string? show, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(ConsoleRoles.Maintainer))
        {
            return Forbid();
        }

        var mark = string.IsNullOrEmpty(status) ? null : status;
        if (string.IsNullOrEmpty(key) || mark is not (null or GapQueries.AddSource or GapQueries.OutOfScope))
        {
            return BadRequest();
        }

        await gaps.MarkAsync(key, mark, ConsoleRoles.UserId(User), cancellationToken);
        TempData["Flash"] = mark is null ? "Mark cleared." : $"Marked \"{(mark == GapQueries.AddSource ? "add a source" : "out of scope")}\".";
        return RedirectToPage(new { show });
    }
}
