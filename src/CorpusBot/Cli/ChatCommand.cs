using System.CommandLine;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Cli;

/// <summary>
/// `corpusbot chat`: ask question after question at a prompt; an empty line or Ctrl-D ends it. Follow-ups
/// work as in a private Telegram chat ("When did it open?" after a question about Port Kelvo), with the
/// same "Answering: …" line when the question was rewritten; /new starts afresh, and so does every session.
/// </summary>
internal static class ChatCommand
{
    /// <summary>The CLI's conversation: chat id 0 is never a Telegram chat (private chats are positive, groups negative).</summary>
    private static readonly ConversationKey Session = new(0, 0);

    public static Command Create()
    {
        var command = new Command(
            "chat",
            "Ask questions interactively; follow-ups (\"when did it open?\") are understood within Conversation:Window. /new starts afresh; an empty line, 'exit' or Ctrl-D ends the session.");
        command.Options.Add(AskCommand.VerboseOption);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: true, cancellationToken);
            var answers = host.Services.GetRequiredService<AnswerService>();
            var followUps = host.Services.GetRequiredService<FollowUps>();
            var links = host.Services.GetRequiredService<Replies.SourceLinks>();
            var output = parse.GetValue(AskCommand.VerboseOption) ? AskCommand.Output.Verbose : AskCommand.Output.Text;
            await followUps.ForgetAsync(Session, cancellationToken);
            await Console.Out.WriteLineAsync("Ask a question about the documents (/new starts afresh; empty line or 'exit' to quit).");
            while (true)
            {
                await Console.Out.WriteAsync("> ");
                var line = await Console.In.ReadLineAsync(cancellationToken);
                if (line is null || string.IsNullOrWhiteSpace(line) || line.Trim() is "exit" or "quit")
                {
                    return ExitCodes.Ok;
                }

                if (line.Trim() == "/new")
                {
                    await followUps.ForgetAsync(Session, cancellationToken);
                    await Console.Out.WriteLineAsync("Starting afresh: your next question stands on its own.");
                    continue;
                }

                var turn = await followUps.ResolveAsync(Session, line, repliedQuestion: null, privateChat: true, cancellationToken);
                if (turn.IsRewritten)
                {
                    await Console.Out.WriteLineAsync($"Answering: {turn.Question}");
                }

                var answer = await AskCommand.AnswerAndPrintAsync(answers, links, turn.Question, output, cancellationToken);
                await followUps.RememberAsync(Session, answer.Question, cancellationToken);
            }
        });
        return command;
    }
}
