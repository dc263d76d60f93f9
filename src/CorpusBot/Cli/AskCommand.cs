using System.CommandLine;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Storage;
using CorpusBot.Replies;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CorpusBot.Cli;

/// <summary>`corpusbot ask [QUESTION] [--json] [--verbose]`: one question, or one per line from stdin.</summary>
internal static class AskCommand
{
    /// <summary>Shared with `chat`.</summary>
    public static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Also show each quote's document id and character offsets.",
    };

    public static Command Create()
    {
        var question = new Argument<string?>("question")
        {
            Description = "The question. Without it, questions are read from standard input, one per line.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = new Option<bool>("--json") { Description = "Write one JSON object per answer, one per line." };
        var command = new Command("ask", "Answer a question from the corpus, quoting the sources.") { question, json, VerboseOption };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await CliContext.StartWithCorpusAsync(parse, seedIfEmpty: true, cancellationToken);
            var answers = host.Services.GetRequiredService<AnswerService>();
            var output = parse.GetValue(json) ? Output.Json : parse.GetValue(VerboseOption) ? Output.Verbose : Output.Text;
            var links = host.Services.GetRequiredService<SourceLinks>();
            if (parse.GetValue(question) is { } single)
            {
                var answer = await AnswerAndPrintAsync(answers, links, single, output, cancellationToken);
                return answer.Reason == RefusalReason.InvalidQuestion ? ExitCodes.Usage : ExitCodes.Ok;
            }

            // Batch mode: one process, questions answered in order.
            while (await Console.In.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    await AnswerAndPrintAsync(answers, links, line, output, cancellationToken);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>How an answer is printed.</summary>
    internal enum Output
    {
        Text,
        Verbose,
        Json,
    }

    /// <summary>
    /// Answers (recorded in the answer log) and prints the answer; shared with `chat`. A terminal gets it wrapped to its
    /// width with the short answer bold; redirected output gets plain text, unwrapped.
    /// </summary>
    internal static async Task<Answer> AnswerAndPrintAsync(AnswerService answers, SourceLinks links, string question, Output output, CancellationToken cancellationToken)
    {
        var (_, answer) = await answers.AskAndRecordAsync(question, new AnswerContext("cli"), cancellationToken);

        if (output == Output.Json)
        {
            await Console.Out.WriteLineAsync(AnswerPrinter.ToJson(answer));
        }
        else if (answer.Reason == RefusalReason.InvalidQuestion)
        {
            await Console.Error.WriteLineAsync(answer.Text);
        }
        else if (Console.IsOutputRedirected)
        {
            await Console.Out.WriteLineAsync(AnswerPrinter.ToText(answer, links, output == Output.Verbose));
        }
        else
        {
            AnsiConsole.Write(AnswerPrinter.ToRenderable(answer, links, output == Output.Verbose));
            AnsiConsole.WriteLine();
        }

        return answer;
    }
}
