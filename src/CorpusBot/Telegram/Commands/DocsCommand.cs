using System.Globalization;
using CorpusBot.Core.Storage;
using CorpusBot.Telegram.Sending;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Commands;

/// <summary>/docs (maintainers): every document with its id, title and chunk count.</summary>
internal sealed class DocsCommand(DocumentStore documents, BotSender sender)
{
    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        var all = await documents.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            await sender.SendTextAsync(message.Chat.Id, BotTexts.EmptyCorpus, null, message.Id, cancellationToken);
            return;
        }

        var lines = all.Select(d => new MessageSplitter.Block(
            string.Create(CultureInfo.InvariantCulture, $"{d.Title} · {d.ChunkCount} chunks"),
            "<code>" + Html.Escape(d.Id) + "</code>\n"));
        foreach (var part in MessageSplitter.Split(lines))
        {
            await sender.SendHtmlAsync(message.Chat.Id, part, null, null, cancellationToken);
        }
    }
}
