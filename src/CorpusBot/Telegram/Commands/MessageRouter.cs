using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using CorpusBot.Telegram.Sending;
using CorpusBot.WebConsole.SignIn;

namespace CorpusBot.Telegram.Commands;

/// <summary>
/// Picks the command for a message. In private chats plain text is a question; in groups the bot
/// speaks only when addressed (/ask, a mention, a reply to it). Every message the bot would act on
/// counts against the sender's rate limit (moderators and maintainers excepted). Moderator and
/// maintainer commands run only in private chats and only for ids on the lists.
/// </summary>
internal sealed class MessageRouter(
    BotIdentity identity,
    Roles roles,
    BotSender sender,
    HelpCommand help,
    AskCommand ask,
    ReviewCommand review,
    StatsCommand stats,
    AddCommand add,
    DocsCommand docs,
    RemoveCommand remove,
    GapsCommand gaps,
    NewConversationCommand newConversation,
    ConsoleLinkCommand console,
    RateLimiter rateLimiter,
    FeedCommands feeds,
    ILogger<MessageRouter> logger)
{
    public Task HandleAsync(Message message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Route(message, cancellationToken) is { } run ? LimitedAsync(message, run, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Runs the handler unless the sender is over the limit: then "slow down" once, and silence.</summary>
    private async Task LimitedAsync(Message message, Func<Task> run, CancellationToken cancellationToken)
    {
        var who = Roles.PersonOf(message) ?? message.SenderChat?.Id ?? message.From?.Id ?? message.Chat.Id;
        var staff = roles.IsModerator(message) || roles.IsMaintainer(message);
        var decision = staff ? RateDecision.Allowed : rateLimiter.Check(who);
        if (decision == RateDecision.Allowed)
        {
            await run();
            return;
        }

        if (decision == RateDecision.Warn)
        {
            TelegramLog.RateLimited(logger, who);
            await sender.SendTextAsync(message.Chat.Id, BotTexts.RateLimited, null, message.Id, cancellationToken);
        }
    }

    /// <summary>What the message asks for, or null when the bot stays silent.</summary>
    private Func<Task>? Route(Message message, CancellationToken cancellationToken)
    {
        if (message.Chat.Type == ChatType.Channel)
        {
            return null;
        }

        var command = CommandLine.Parse(message.Text ?? message.Caption, identity.Username);
        if (command is { } c)
        {
            return c.Name switch
            {
                "start" or "help" => () => help.RunAsync(message, cancellationToken),
                "ask" => () => ask.RunAsync(message, c.Arguments, cancellationToken),
                "new" => () => newConversation.RunAsync(message, cancellationToken),
                "review" => () => Privileged(message, c, roles.IsModerator, () => review.RunAsync(message, cancellationToken), cancellationToken),
                "stats" => () => Privileged(message, c, roles.IsModerator, () => stats.RunAsync(message, cancellationToken), cancellationToken),
                "add" => () => Privileged(message, c, roles.IsMaintainer, () => add.RunAsync(message, c.Arguments, cancellationToken), cancellationToken),
                "docs" => () => Privileged(message, c, roles.IsMaintainer, () => docs.RunAsync(message, cancellationToken), cancellationToken),
                "remove" => () => Privileged(message, c, roles.IsMaintainer, () => remove.RunAsync(message, c.Arguments, cancellationToken), cancellationToken),
                "console" => () => Privileged(message, c, m => roles.IsModerator(m) || roles.IsMaintainer(m), () => console.RunAsync(message, cancellationToken), cancellationToken),
                "follow" => () => Privileged(message, c, roles.IsMaintainer, () => feeds.FollowAsync(message, c.Arguments, cancellationToken), cancellationToken),
                "feeds" => () => Privileged(message, c, roles.IsMaintainer, () => feeds.ListAsync(message, cancellationToken), cancellationToken),
                "unfollow" => () => Privileged(message, c, roles.IsMaintainer, () => feeds.UnfollowAsync(message, c.Arguments, cancellationToken), cancellationToken),
                "gaps" => () => Privileged(message, c, roles.IsMaintainer, () => gaps.RunAsync(message, cancellationToken), cancellationToken),
                _ when Roles.IsPrivate(message) => () => sender.SendTextAsync(message.Chat.Id, BotTexts.UnknownCommand, null, message.Id, cancellationToken),
                _ => null,
            };
        }

        if (message.Text is not { } text)
        {
            return null;
        }

        if (Roles.IsPrivate(message))
        {
            return () => ask.RunAsync(message, text, cancellationToken);
        }

        return Addressing.QuestionFor(message, identity) is { } question
            ? () => ask.RunAsync(message, question, cancellationToken)
            : null;
    }

    private async Task Privileged(Message message, CommandLine command, Func<Message, bool> hasRole, Func<Task> run, CancellationToken cancellationToken)
    {
        if (!Roles.IsPrivate(message))
        {
            TelegramLog.AccessDenied(logger, command.Name, Roles.PersonOf(message), message.Chat.Id, "not a private chat");
            await sender.SendTextAsync(message.Chat.Id, BotTexts.PrivateOnly, null, message.Id, cancellationToken);
            return;
        }

        if (!hasRole(message))
        {
            TelegramLog.AccessDenied(logger, command.Name, Roles.PersonOf(message), message.Chat.Id, "no role");
            await sender.SendTextAsync(message.Chat.Id, BotTexts.NotAllowed, null, message.Id, cancellationToken);
            return;
        }

        await run();
    }
}
