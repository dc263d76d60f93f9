using System.Globalization;

namespace CorpusBot.Telegram;

/// <summary>Every user-facing text of the bot, in one place. Texts marked HTML are already escaped where needed.</summary>
internal static class BotTexts
{
    public const string Welcome = "Hello! I answer questions about a fixed set of articles, quoting them word for word and citing each source. If the articles don't hold the answer, I say so.";

    public const string HowToAsk = "Just send me a question in this chat, or use /ask QUESTION. In groups, use /ask, mention me, or reply to one of my messages. To follow up (\"and in Mazyr?\", \"when did it open?\"), reply to my answer, or in this chat just ask within a few minutes; /new starts afresh.";

    public const string ModeratorHelp = "For moderators: /review shows answers awaiting review, /stats the counts, /console a sign-in link to the web console.";

    public const string MaintainerHelp =
        "For maintainers: /add adds a document (text, a URL, or a .txt, .md, .html, .pdf or .docx file with /add as its caption); "
        + "/docs lists the documents, /remove ID removes one, /gaps shows questions the corpus could not answer. "
        + "/follow URL follows an RSS or Atom feed (its new items are added as they appear), /feeds lists the feeds with their last check and errors, /unfollow ID stops one. "
        + "Documents added from a URL are re-checked on a schedule (daily by default) and updated when they change.";

    public const string ConversationReset = "Starting afresh: your next question stands on its own.";

    /// <summary>A review card's answer line for an extractive answer without a short answer.</summary>
    public const string QuotesOnly = "the quotes below, as they stand";

    /// <summary>Above the titles of the documents closest to a question the sources could not answer.</summary>
    public const string ClosestDocuments = "Closest documents, if you want to look yourself:";

    public const string EmptyCorpus = "No documents are loaded yet.";

    public const string AskUsage = "Please put your question after the command, e.g. /ask Who wrote the report?";

    public const string RateLimited = "You're asking faster than I can keep up. Please wait a minute and ask again.";

    public const string NotAllowed = "Sorry, you're not allowed to do that.";

    public const string PrivateOnly = "This command works only in a private chat with me.";

    public const string UnknownCommand = "I don't know that command. Send /help to see what I can do.";

    public const string Failed = "Sorry, that failed on my side. Please try again in a few minutes; if it keeps failing, tell the bot's operators.";

    public const string FailedBusy = "Sorry, I'm too busy to handle that right now. Please try again in a minute.";

    public const string FailedStorage = "Sorry, that failed: the bot's storage has a problem, so trying again won't help until its operators fix it.";

    public const string FailedUpstream = "Sorry, that failed: a service I rely on did not answer. Please try again in a few minutes.";

    public const string ButtonFailed = "Sorry, that failed. Please try again in a minute.";

    public const string ButtonUnknown = "This button is no longer valid.";

    public const string FeedbackThanks = "Thanks for the feedback!";

    public const string ReportThanks = "Thanks, a moderator will look at this answer.";

    public const string AlreadyReviewed = "This answer has already been reviewed.";

    public const string Approved = "Approved.";

    public const string Rejected = "Rejected; the answer was withdrawn.";

    public const string Withdrawn = "This answer was withdrawn by a moderator after review.";

    /// <summary>The line a review card ends with once the answer is decided, in Telegram or in the web console.</summary>
    public static string Decided(string status, long? moderatorId)
    {
        var by = moderatorId is { } id ? string.Create(CultureInfo.InvariantCulture, $" by moderator {id}") : string.Empty;
        return status == "approved" ? $"✅ Approved{by}." : $"❌ Rejected{by}; the answer was withdrawn.";
    }

    public const string NothingToReview = "Nothing to review.";

    public const string CardNotShown = "this card could not be shown (see the log). You can still approve or reject it.";

    public const string NoGaps = "No refused questions yet.";

    public const string AddUsage = "Send /add followed by a title on the first line and the text below it; or /add URL; or /add as the caption of a .txt, .md, .html, .pdf or .docx file; or reply /add to a message. To replace a document you added before, write /add replace instead of /add.";

    public const string RemoveUsage = "Usage: /remove DOCUMENT_ID (see /docs).";

    public const string ButtonHelpful = "👍 Helpful";

    public const string ButtonNotHelpful = "👎 Not helpful";

    public const string ButtonReport = "⚠ Report";

    public const string ButtonApprove = "✅ Approve";

    public const string ButtonReject = "❌ Reject";

    public const string Verified = "verified";

    public const string NotVerified = "NOT verified";

    public static string Help(int documentCount, IEnumerable<string> titles)
    {
        ArgumentNullException.ThrowIfNull(titles);
        var list = titles.ToList();
        if (documentCount == 0)
        {
            return $"{Welcome}\n\n{EmptyCorpus}\n\n{HowToAsk}";
        }

        var shown = string.Join('\n', list.Select(t => "• " + t));
        var more = documentCount > list.Count ? $"\n…and {documentCount - list.Count} more." : string.Empty;
        return $"{Welcome}\n\nI know {documentCount} document(s):\n{shown}{more}\n\n{HowToAsk}";
    }

    public static string FileTooLarge(long size, long limit) =>
        string.Create(CultureInfo.InvariantCulture, $"The file is {size / 1024} KB; the limit is {limit / 1024} KB. Nothing was added.");

    public const string FileTypeNotSupported = "Only .txt, .md, .html, .pdf and .docx files can be added. Nothing was added.";

    public static string AddRejected(string reason) => $"Not added: {reason}";

    public static string Added(string id, string title, int chunks) =>
        string.Create(CultureInfo.InvariantCulture, $"Added: {id}\nTitle: {title}\nChunks: {chunks}");

    public static string Replaced(string id, string title, int chunks, bool sameSource) =>
        string.Create(CultureInfo.InvariantCulture, $"Replaced the earlier version{(sameSource ? " from the same source" : string.Empty)}: {id}\nTitle: {title}\nChunks: {chunks}");

    public static string AddWouldReplace(string id, string title) =>
        $"The corpus already has a document with this id: {id}\nTitle: {title}\nNothing was changed. To replace it, send the same again starting with /add replace (e.g. /add replace Title, then the text).";

    public static string AlreadyPresent(string id, string title) => $"Already present, nothing changed: {id}\nTitle: {title}";

    public static string Removed(string id) => $"Removed {id}.";

    public static string NoSuchDocument(string id) => $"There is no document with id {id}. See /docs.";

    public static string FetchFailed(string reason) => $"Could not fetch that page: {reason}. Nothing was added.";

    public static string Stats(long answers, long refused, long helpful, long notHelpful, long reports, long pending) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Answers: {answers}\nRefused: {refused} ({(answers == 0 ? 0 : 100.0 * refused / answers):0.#}%)\nHelpful: {helpful}\nNot helpful: {notHelpful}\nReports: {reports}\nAwaiting review: {pending}");
}
