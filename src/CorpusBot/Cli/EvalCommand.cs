using System.CommandLine;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Hosting;
using CorpusBot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace CorpusBot.Cli;

/// <summary>
/// `corpusbot eval FILE.jsonl` scores a question set against the current corpus; `corpusbot eval --rgb PATH
/// [--protocol answering|rejection|both] [--corpus pooled|per-question]` runs the RGB benchmark, each protocol over its own
/// throwaway database.
/// Tables by default, `--json` for programs. Exit code 0 whatever the scores; 2 when the inputs are invalid.
/// </summary>
internal static class EvalCommand
{
    /// <param name="hostFactory">
    /// Builds a host from configuration arguments (`--Section:Key=value`); defaults to the app's host. The RGB run
    /// passes `--Storage:DatabasePath=TEMP` to point it at a fresh database.
    /// </param>
    /// <param name="output">Where tables and JSON go; standard output by default.</param>
    public static Command Create(Func<string[], IHost>? hostFactory = null, TextWriter? output = null)
    {
        hostFactory ??= args => CorpusBotHost.CreateBuilder(args).Build();
        var file = new Argument<string?>("file")
        {
            Description = "A JSONL question set: {\"id\",\"category\",\"question\",\"answers\"} per line.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var rgb = new Option<string?>("--rgb") { Description = "Run the RGB benchmark from this JSONL file (e.g. ../shared/bench/rgb_en_fact.jsonl)." };
        var protocol = new Option<string>("--protocol")
        {
            Description = "RGB protocol: answering (all snippets), rejection (negative snippets only) or both.",
            DefaultValueFactory = _ => "both",
        };
        protocol.AcceptOnlyFromAmong("answering", "rejection", "both");
        var corpus = new Option<string>("--corpus")
        {
            Description = "RGB corpus: pooled (every question's snippets in one corpus, as a deployed bot holds many stories) "
                + "or per-question (each question over its own snippets only, as in the RGB paper).",
            DefaultValueFactory = _ => "pooled",
        };
        corpus.AcceptOnlyFromAmong("pooled", "per-question");
        var json = new Option<bool>("--json") { Description = "Write the full report as JSON instead of tables." };
        var command = new Command("eval", "Score the bot on a question set, or on the RGB benchmark.") { file, rgb, protocol, corpus, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var writer = output ?? Console.Out;
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
            if (output is not null || Console.IsOutputRedirected)
            {
                // Redirected output has no terminal width; 80 columns would wrap every table.
                console.Profile.Width = 160;
            }

            var path = parse.GetValue(file);
            var rgbPath = parse.GetValue(rgb);
            if ((path is null) == (rgbPath is null))
            {
                await Console.Error.WriteLineAsync("Give either a question file (corpusbot eval FILE.jsonl) or --rgb PATH, not both or neither.");
                return ExitCodes.Usage;
            }

            try
            {
                var configuration = ConfigurationArguments(parse);
                if (path is not null)
                {
                    var report = await RunFileAsync(path, hostFactory(configuration), cancellationToken);
                    await WriteAsync(writer, parse.GetValue(json), report, () => EvalTables.Write(console, report));
                }
                else
                {
                    var rgbCorpus = parse.GetValue(corpus) == "per-question" ? RgbCorpus.PerQuestion : RgbCorpus.Pooled;
                    var results = await RunRgbAsync(rgbPath!, parse.GetValue(protocol) ?? "both", rgbCorpus, configuration, hostFactory, cancellationToken);
                    await WriteAsync(writer, parse.GetValue(json), results, () => EvalTables.Write(console, results));
                }

                return ExitCodes.Ok;
            }
            catch (EvalInputException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static async Task<EvalReport> RunFileAsync(string path, IHost host, CancellationToken cancellationToken)
    {
        using (host)
        {
            var cases = await EvalCaseReader.ReadFileAsync(path, cancellationToken);
            await host.StartAsync(cancellationToken);
            await host.Services.GetRequiredService<CorpusInitializer>().InitializeAsync(seedIfEmpty: true, cancellationToken);
            var runner = ActivatorUtilities.CreateInstance<EvaluationRunner>(host.Services);
            var report = await runner.RunAsync(Path.GetFileName(path), cases, cancellationToken);
            await host.StopAsync(cancellationToken);
            return report;
        }
    }

    private static async Task<IReadOnlyList<RgbResult>> RunRgbAsync(
        string path, string protocol, RgbCorpus corpus, string[] configuration, Func<string[], IHost> hostFactory, CancellationToken cancellationToken)
    {
        var cases = await RgbReader.ReadFileAsync(path, cancellationToken);
        var benchmark = new RgbBenchmark(database =>
        {
            var host = hostFactory([.. configuration, $"--Storage:DatabasePath={database}"]);
            host.Start();
            return host;
        });
        var protocols = protocol switch
        {
            "answering" => new[] { RgbProtocol.Answering },
            "rejection" => [RgbProtocol.Rejection],
            _ => [RgbProtocol.Answering, RgbProtocol.Rejection],
        };
        var results = new List<RgbResult>();
        foreach (var p in protocols)
        {
            var over = corpus == RgbCorpus.Pooled ? "a temporary corpus of every question's snippets" : "each question over its own snippets";
            await Console.Error.WriteLineAsync($"RGB {p.ToString().ToLowerInvariant()}: {over}, {cases.Count} questions...");
            results.Add(await benchmark.RunAsync(cases, p, cancellationToken, corpus: corpus));
        }

        return results;
    }

    private static async Task WriteAsync<T>(TextWriter writer, bool asJson, T value, Action writeTables)
    {
        if (asJson)
        {
            await writer.WriteLineAsync(EvalReport.ToJson(value));
        }
        else
        {
            writeTables();
        }
    }

    /// <summary>The app's --db option and --Section:Key=value overrides, as configuration arguments for the host.</summary>
    private static string[] ConfigurationArguments(ParseResult parse)
    {
        return [.. CliContext.ConfigurationArguments(parse), .. CliContext.Overrides(parse).Select(s => $"--{s.Key}={s.Value}")];
    }
}
