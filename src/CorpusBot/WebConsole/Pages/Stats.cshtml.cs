using CorpusBot.WebConsole.Stats;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorpusBot.WebConsole.Pages;

/// <summary>Questions per day, outcomes, feedback, fallbacks and latency, drawn as server-side SVG.</summary>
internal sealed class StatsModel(StatsQueries stats) : PageModel
{
    public ConsoleStats Stats { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Stats = await stats.ReadAsync(cancellationToken);
}
