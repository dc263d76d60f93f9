using CorpusBot.Core.Ingestion;
using CorpusBot.Telegram.Moderation;
using CorpusBot.Telegram.Sending;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/remove ID (maintainers): removes a document (ids may contain spaces); the remover writes the audit entry.</summary>
internal sealed class RemoveCommand(CorpusRemover remover, BotSender sender)
{
    public async Task RunAsync(Message message, string arguments, CancellationToken cancellationToken)
    {
        var id = arguments.Trim();
        if (id.Length == 0 || id.Contains('\n', StringComparison.Ordinal))
        {
            await sender.SendTextAsync(message.Chat.Id, BotTexts.RemoveUsage, null, message.Id, cancellationToken);
            return;
        }

        var actor = ModerationStore.Actor(Roles.PersonOf(message) ?? 0);
        var removed = await remover.RemoveAsync(id, actor, cancellationToken);
        await sender.SendTextAsync(message.Chat.Id, removed ? BotTexts.Removed(id) : BotTexts.NoSuchDocument(id), null, message.Id, cancellationToken);
    }
}
