using CorpusBot.Core.Storage;
using CorpusBot.WebConsole.Answers;
using CorpusBot.WebConsole.SignIn;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CorpusBot.WebConsole.Pages;

/// <summary>The home page: who you are and what is waiting.</summary>
internal sealed class IndexModel(AnswerQueries answers, DocumentStore documents, ConsoleRoles roles) : PageModel
{
    public long UserId { get; private set; }

    public IReadOnlyList<string> Roles { get; private set; } = [];

    public int Pending { get; private set; }

    public int Reported { get; private set; }

    public int Documents { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        UserId = ConsoleRoles.UserId(User);
        Roles = roles.Of(UserId);
        Pending = (await answers.ReviewQueueAsync(new AnswerFilter { Status = "pending" }, 1, 1, cancellationToken)).Total;
        Reported = (await answers.ReviewQueueAsync(new AnswerFilter { Status = "pending" }, 1, 1, cancellationToken, reportedOnly: true)).Total;
        Documents = await documents.CountAsync(cancellationToken);
    }
}
