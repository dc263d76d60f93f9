using CorpusBot.Core.Conversations;
using CorpusBot.Telegram.Sending;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/new: forget the previous question of this person in this chat, so the next one stands alone.</summary>
internal sealed class NewConversationCommand(FollowUps followUps, BotSender sender)
{
    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        var person = Roles.PersonOf(message) ?? message.SenderChat?.Id ?? message.From?.Id ?? message.Chat.Id;
        await followUps.ForgetAsync(new ConversationKey(message.Chat.Id, person), cancellationToken);
        await sender.SendTextAsync(message.Chat.Id, BotTexts.ConversationReset, null, message.Id, cancellationToken);
    }
}
