using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/stats (moderators): answers, refusal rate, feedback.</summary>
internal sealed class StatsCommand(FeedbackStore store, BotSender sender)
{
    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        var s = await store.StatsAsync(cancellationToken);
        var text = BotTexts.Stats(s.Answers, s.Refused, s.Helpful, s.NotHelpful, s.Reports, s.Pending);
        await sender.SendTextAsync(message.Chat.Id, text, null, message.Id, cancellationToken);
    }
}
