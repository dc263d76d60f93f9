using System.CommandLine;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Cli;

/// <summary>`corpusbot ask [QUESTION] [--json]`: one question, or one per line from stdin.</summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string?>("question")
        {
            Description = "The question. Without it, questions are read from standard input, one per line.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per answer, one per line." };
        var command = new Command("ask", "Answer a question from the corpus, quoting the sources.") { question, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: true, cancellationToken);
            var answers = host.Services.GetRequiredService<AnswerService>();
            var asJson = parse.GetValue(json);
            if (parse.GetValue(question) is { } single)
            {
                var answer = await AnswerAndPrintAsync(answers, single, asJson, cancellationToken);
                return answer.Reason == RefusalReason.InvalidQuestion ? ExitCodes.Usage : ExitCodes.Ok;
            }

            // Batch mode: one process, questions answered in order.
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    await AnswerAndPrintAsync(answers, line, asJson, cancellationToken);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Answers (recorded in the answer log) and prints the answer; shared with `chat`.</summary>
    internal static async Task<Answer> AnswerAndPrintAsync(AnswerService answers, string question, bool asJson, CancellationToken cancellationToken)
    {
        var (_, answer) = await answers.AskAndRecordAsync(question, new AnswerContext("cli"), cancellationToken);

        if (asJson)
        {
            await Console.Out.WriteLineAsync(AnswerPrinter.ToJson(answer));
        }
        else if (answer.Reason == RefusalReason.InvalidQuestion)
        {
            await Console.Error.WriteLineAsync(answer.Text);
        }
        else
        {
            await Console.Out.WriteLineAsync(AnswerPrinter.ToText(answer));
        }

        return answer;
    }
}
