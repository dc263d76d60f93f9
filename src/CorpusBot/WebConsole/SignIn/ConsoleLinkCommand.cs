using System.Globalization;
using CorpusBot.Telegram;
using CorpusBot.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace CorpusBot.WebConsole.SignIn;

/// <summary>
/// /console (moderators and maintainers, private chat only): replies with a one-time sign-in link for
/// the sender's own numeric id. Link previews are off for every message the bot sends, so Telegram's
/// preview fetcher never opens (and so never uses up) the link.
/// </summary>
internal sealed class ConsoleLinkCommand(SignInLinks links, BotSender sender, IOptions<ConsoleOptions> options, ILogger<ConsoleLinkCommand> logger)
{
    public const string NotEnabled = "The web console is not enabled on this bot. An operator can turn it on with Console:Url.";

    public async Task RunAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        if (!settings.Enabled || Roles.PersonOf(message) is not { } userId)
        {
            await sender.SendTextAsync(message.Chat.Id, NotEnabled, null, message.Id, cancellationToken);
            return;
        }

        var link = await links.IssueAsync(userId, cancellationToken);
        ConsoleLog.LinkIssued(logger, userId);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"Your sign-in link for the web console. It works once, for {settings.LinkMinutes} minutes, and only for you; don't forward it.\n\n{link.AbsoluteUri}");
        await sender.SendTextAsync(message.Chat.Id, text, null, message.Id, cancellationToken);
    }
}
