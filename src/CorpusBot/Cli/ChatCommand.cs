using System.CommandLine;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Cli;

/// <summary>`corpusbot chat`: ask question after question at a prompt; an empty line or Ctrl-D ends it.</summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var command = new Command("chat", "Ask questions interactively. An empty line, 'exit' or Ctrl-D ends the session.");
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: true, cancellationToken);
            var answers = host.Services.GetRequiredService<AnswerService>();
            await Console.Out.WriteLineAsync("Ask a question about the documents (empty line or 'exit' to quit).");
            while (true)
            {
                await Console.Out.WriteAsync("> ");
                var line = await Console.In.ReadLineAsync(cancellationToken);
                if (line is null || string.IsNullOrWhiteSpace(line) || line.Trim() is "exit" or "quit")
                {
                    return ExitCodes.Ok;
                }

                await AskCommand.AnswerAndPrintAsync(answers, line, asJson: false, cancellationToken);
            }
        });
        return command;
    }
}
