using System.Diagnostics;
using System.Globalization;
using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Core.Evaluation;
using CorpusBot.Core.Hosting;
using CorpusBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Benchmarks;

/// <summary>
/// `glance [--repeat 20]`: what the answer-at-a-glance step adds to each answer (issue 14). The seeds are ingested into a
/// fresh database (built-in model) and every dev-set question answered once; then, --repeat times over those answers, it
/// times <see cref="AnswerGlance.DescribeAsync"/> as <see cref="AnswerService"/> calls it (question analysis, short-answer
/// search, titles of a refusal's suggested documents) and <see cref="ShortAnswerFinder.Find"/> alone: wall time per call,
/// best and median over the rounds of each round's p50 and p95, since others share the cores. (Process CPU time is not
/// reported: at a tenth of a millisecond a call it is below the clock's resolution.)
/// </summary>
internal static class GlanceBenchmark
{
    public const string Command = "glance";
    private const string Usage = "Usage: CorpusBot.Benchmarks glance [--repeat 20]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var repeat = 20;
        if (args.Count == 2 && args[0] == "--repeat" && int.TryParse(args[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            repeat = n;
        }
        else if (args.Count != 0)
        {
            await Console.Error.WriteLineAsync($"Unknown or invalid arguments \"{string.Join(' ', args)}\". {Usage}");
            return 2;
        }

        var root = ContentRoot.Discover();
        var databasePath = EvalCorpus.NewTemporaryDatabasePath("bench-glance");
        try
        {
            using var host = EvalCorpus.CreateCoreHost(databasePath, new Dictionary<string, string?> { ["Corpus:SeedsPath"] = root.Resolve("seeds") });
            await host.Services.GetRequiredService<CorpusInitializer>().InitializeAsync(seedIfEmpty: true, cancellationToken);
            var cases = await EvalCaseReader.ReadFileAsync(root.Resolve(Path.Combine("tests", "CorpusBot.Core.Tests", "Evaluation", "devset.jsonl")), cancellationToken);
            var service = host.Services.GetRequiredService<AnswerService>();
            var answers = new List<Answer>(cases.Count);
            foreach (var evalCase in cases)
            {
                answers.Add(await service.AskAsync(evalCase.Question, cancellationToken));
            }

            var glance = host.Services.GetRequiredService<AnswerGlance>();
            var analyzer = host.Services.GetRequiredService<QuestionAnalyzer>();
            var profiles = new Dictionary<Answer, QuestionProfile>();
            foreach (var answer in answers.Where(a => a.Mode == AnswerMode.Extractive && !a.Refused))
            {
                profiles[answer] = await analyzer.AnalyzeAsync(answer.Question, cancellationToken);
            }

            var whole = new Rounds();
            var finder = new Rounds();
            for (var round = -1; round < repeat; round++) // round -1 warms up (JIT, SQLite cache)
            {
                var wholeRound = new List<double>();
                var finderRound = new List<double>();
                foreach (var answer in answers)
                {
                    wholeRound.Add(await TimeAsync(() => glance.DescribeAsync(answer, cancellationToken)));
                    if (profiles.TryGetValue(answer, out var profile))
                    {
                        finderRound.Add(await TimeAsync(() => Task.FromResult(ShortAnswerFinder.Find(profile, answer.Citations))));
                    }
                }

                if (round >= 0)
                {
                    whole.Add(wholeRound);
                    finder.Add(finderRound);
                }
            }

            await output.WriteLineAsync($"# Answer at a glance: cost per answer ({answers.Count} dev-set answers, {profiles.Count} extractive; {repeat} rounds; {Environment.ProcessorCount} cores)");
            await output.WriteLineAsync();
            await output.WriteLineAsync("| Step | p50 best / median | p95 best / median |");
            await output.WriteLineAsync("|---|---|---|");
            await output.WriteLineAsync(whole.Row("AnswerGlance.DescribeAsync (as AnswerService calls it)"));
            await output.WriteLineAsync(finder.Row("ShortAnswerFinder.Find alone"));
            return 0;
        }
        finally
        {
            EvalCorpus.DeleteDatabase(databasePath);
        }
    }

    /// <summary>Wall milliseconds of one call.</summary>
    private static async Task<double> TimeAsync<T>(Func<Task<T>> action)
    {
        var wall = Stopwatch.StartNew();
        await action();
        return wall.Elapsed.TotalMilliseconds;
    }

    /// <summary>Each round's p50 and p95, summarised as best and median over the rounds.</summary>
    private sealed class Rounds
    {
        private readonly List<(double P50, double P95)> rounds = [];

        public void Add(List<double> calls) => rounds.Add((Percentiles.Of(calls, 50), Percentiles.Of(calls, 95)));

        public string Row(string name) => string.Create(
            CultureInfo.InvariantCulture,
            $"| {name} | {rounds.Min(r => r.P50):F3} / {Percentiles.Of(rounds.Select(r => r.P50), 50):F3} ms | {rounds.Min(r => r.P95):F3} / {Percentiles.Of(rounds.Select(r => r.P95), 50):F3} ms |");
    }
}
