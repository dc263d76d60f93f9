using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Sending;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/start and /help: what the bot knows (the documents) and how to ask.</summary>
internal sealed class HelpCommand(DocumentStore documents, BotSender sender)
{
    private const int TitlesShown = 30;

    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        var all = await documents.ListAsync(cancellationToken);
        var text = BotTexts.Help(all.Count, all.Take(TitlesShown).Select(d => d.Title));
        foreach (var part in MessageSplitter.Split(text.Split("\n\n").Select(p => new MessageSplitter.Block(p))))
        {
            await sender.SendHtmlAsync(message.Chat.Id, part, null, message.Id, cancellationToken);
        }
    }
}
