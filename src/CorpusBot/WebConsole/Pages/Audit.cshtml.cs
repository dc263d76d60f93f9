using System.Globalization;
using CorpusBot.WebConsole.Documents;
using CorpusBot.WebConsole.SignIn;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CorpusBot.WebConsole.Pages;

/// <summary>The audit log (maintainers), paged.</summary>
[Authorize(Policy = ConsoleRoles.MaintainerPolicy)]
internal sealed class AuditModel(AuditQueries audit, IOptions<ConsoleOptions> options) : PageModel
{
    public ResultPage<AuditEntry> Entries { get; private set; } = new([], 1, 1, 0);

    public Pager Pager => Pager.Of(Entries, n => (Url.Content("~/audit") ?? "/audit") + "?p=" + n.ToString(CultureInfo.InvariantCulture));

    public async Task OnGetAsync(int p, CancellationToken cancellationToken) =>
        Entries = await audit.PageAsync(Math.Max(1, p), options.Value.PageSize * 2, cancellationToken);
}
