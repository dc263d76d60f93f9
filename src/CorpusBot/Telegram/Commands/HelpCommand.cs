using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Sending;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/start and /help: what the bot knows (the documents) and how to ask; in a private chat, staff also see their commands.</summary>
internal sealed class HelpCommand(DocumentStore documents, Roles roles, BotSender sender)
{
    private const int TitlesShown = 30;

    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        var all = await documents.ListAsync(cancellationToken);
        var text = BotTexts.Help(all.Count, all.Take(TitlesShown).Select(d => d.Title));
        if (Roles.IsPrivate(message) && roles.IsModerator(message))
        {
            text += "\n\n" + BotTexts.ModeratorHelp;
        }

        if (Roles.IsPrivate(message) && roles.IsMaintainer(message))
        {
            text += "\n\n" + BotTexts.MaintainerHelp;
        }

        foreach (var part in MessageSplitter.Split(text.Split("\n\n").Select(p => new MessageSplitter.Block(p))))
        {
            await sender.SendHtmlAsync(message.Chat.Id, part, null, message.Id, cancellationToken);
        }
    }
}
