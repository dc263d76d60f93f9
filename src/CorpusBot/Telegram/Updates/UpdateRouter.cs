using CorpusBot.Telegram.Commands;
using CorpusBot.Telegram.Moderation;
using Telegram.Bot.Types;

namespace CorpusBot.Telegram.Updates;

/// <summary>
/// Switches on the update's shape. Edited messages are never handled (a command is never re-run);
/// channel posts and everything else are ignored.
/// </summary>
internal sealed class UpdateRouter(MessageRouter messages, ButtonHandler buttons)
{
    public Task HandleAsync(Update update, CancellationToken cancellationToken) => update switch
    {
        { Message: { } message } => messages.HandleAsync(message, cancellationToken),
        { CallbackQuery: { } query } => buttons.HandleAsync(query, cancellationToken),
        _ => Task.CompletedTask,
    };
}
