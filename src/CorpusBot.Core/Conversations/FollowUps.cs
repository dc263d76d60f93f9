using CorpusBot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Conversations;

/// <summary>
/// Decides whether a question follows up an earlier one and, if so, makes it stand alone, so that it
/// goes through the same retrieval, verification and refusal as any question. A reply to one of the
/// bot's answers follows up that answer's question. In a private chat, a question that leans on the
/// previous one (<see cref="QuestionShape.LeansOnPrevious"/>) follows it up when it comes within
/// Conversation:Window on the same (UTC) day. /new forgets the previous question.
/// </summary>
public sealed partial class FollowUps(
    ConversationStore store,
    IQuestionRewriter rewriter,
    IOptions<ConversationOptions> options,
    TimeProvider clock,
    ILogger<FollowUps> logger)
{
    /// <param name="repliedQuestion">The question of the bot's answer this message replies to, or null.</param>
    public async Task<FollowUp> ResolveAsync(
        ConversationKey key, string typed, string? repliedQuestion, bool privateChat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var previous = repliedQuestion;
        var window = options.Value.Window;
        if (previous is null && privateChat && window > TimeSpan.Zero && QuestionShape.Of(typed).LeansOnPrevious
            && await store.GetAsync(key, cancellationToken) is { } last)
        {
            var now = clock.GetUtcNow();
            if (now - last.AskedAt <= window && now.UtcDateTime.Date == last.AskedAt.UtcDateTime.Date)
            {
                previous = last.Question;
            }
        }

        if (string.IsNullOrWhiteSpace(previous))
        {
            return new FollowUp(typed, typed, IsFollowUp: false);
        }

        string rewritten;
        try
        {
            rewritten = await rewriter.RewriteAsync(previous, typed, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRewriterFailed(logger, e);
            rewritten = OfflineQuestionRewriter.Rewrite(previous, typed);
        }

        var question = string.IsNullOrWhiteSpace(rewritten) ? typed : rewritten.Trim();
        var isReply = repliedQuestion is not null;
        var changed = question != typed.Trim();
        LogFollowUp(logger, key.ChatId, isReply, changed);
        return new FollowUp(typed, question, IsFollowUp: true);
    }

    /// <summary>Remembers the question just answered (as answered, so a follow-up of a follow-up still knows its subject).</summary>
    public Task RememberAsync(ConversationKey key, string question, CancellationToken cancellationToken) =>
        store.SaveAsync(key, question, clock.GetUtcNow(), cancellationToken);

    public Task<bool> ForgetAsync(ConversationKey key, CancellationToken cancellationToken) => store.ClearAsync(key, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rewriting a follow-up failed; combined it with the previous question without the model")]
    private static partial void LogRewriterFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up in chat {ChatId} (reply: {IsReply}, rewritten: {Rewritten})")]
    private static partial void LogFollowUp(ILogger logger, long chatId, bool isReply, bool rewritten);
}
