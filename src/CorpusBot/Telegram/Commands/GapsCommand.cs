using System.Globalization;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/gaps (maintainers): recent questions the bot refused, i.e. what the corpus may be missing.</summary>
internal sealed class GapsCommand(FeedbackStore store, BotSender sender)
{
    private const int Shown = 20;

    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        var gaps = await store.GapsAsync(Shown, cancellationToken);
        if (gaps.Count == 0)
        {
            await sender.SendTextAsync(message.Chat.Id, BotTexts.NoGaps, null, message.Id, cancellationToken);
            return;
        }

        var blocks = gaps.Select(g => new MessageSplitter.Block(
            g.Question,
            string.Create(CultureInfo.InvariantCulture, $"<i>{g.AskedAt:yyyy-MM-dd HH:mm} · {Html.Escape(g.Reason ?? "refused")}</i>\n")));
        foreach (var part in MessageSplitter.Split(blocks))
        {
            await sender.SendHtmlAsync(message.Chat.Id, part, null, null, cancellationToken);
        }
    }
}
