using System.Globalization;
using CorpusBot.Core.Evaluation;
using Spectre.Console;

namespace CorpusBot.Cli;

/// <summary>Evaluation reports as tables: summary, confusion matrix, categories, and the cases that went wrong.</summary>
internal static class EvalTables
{
    public static void Write(IAnsiConsole console, EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Totals;
        console.Write(new Table().Title(Markup.Escape(report.Name)).AddColumns("Metric", "Value")
            .AddRow("Cases", Count(t.Cases))
            .AddRow("Answer accuracy (answerable)", $"{Percent(t.AnswerAccuracy)} ({t.AnsweredRight}/{t.AnswerableCases})")
            .AddRow("False refusals (answerable)", $"{Percent(t.FalseRefusalRate)} ({t.FalseRefusals}/{t.AnswerableCases})")
            .AddRow("Refusal rate (refusal cases)", $"{Percent(t.RefusalRate)} ({t.CorrectRefusals}/{t.RefusalCases})")
            .AddRow("Quotes verified", $"{t.QuotesVerified}/{t.QuotesTotal} ({Percent(t.QuoteExactness)})")
            .AddRow("Short answer given (answered, asks name/number/date/place)", $"{t.ShortAnswersGiven}/{t.ShortAnswerServed}")
            .AddRow("Short answer holds an accepted answer", $"{Percent(t.ShortAnswerPrecision)} ({t.ShortAnswersHolding}/{t.ShortAnswersGiven}; {t.ShortAnswersHolding}/{t.ShortAnswersGivenWhenRight} when a quote holds one)")
            .AddRow("Latency p50 / p95", $"{Ms(t.LatencyP50Ms)} / {Ms(t.LatencyP95Ms)}"));

        var c = report.Confusion;
        console.Write(new Table().Title("Confusion matrix").AddColumns("Expected \\ Got", "Answer", "Refusal")
            .AddRow("Answer", Count(c.ExpectedAnswerGotAnswer), Count(c.ExpectedAnswerGotRefusal))
            .AddRow("Refusal", Count(c.ExpectedRefusalGotAnswer), Count(c.ExpectedRefusalGotRefusal)));

        var categories = new Table().Title("By category")
            .AddColumns("Category", "Cases", "Right", "Wrong", "False refusal", "Refused", "Wrongly answered", "Score");
        foreach (var r in report.Categories)
        {
            categories.AddRow(Markup.Escape(r.Category), Count(r.Total), Count(r.AnsweredRight), Count(r.AnsweredWrong),
                Count(r.FalseRefusals), Count(r.CorrectRefusals), Count(r.WronglyAnswered), Percent(r.Score));
        }

        console.Write(categories);
        var misses = report.Cases.Where(r => r.Outcome is not (EvalOutcome.AnsweredRight or EvalOutcome.CorrectRefusal)).ToList();
        if (misses.Count > 0)
        {
            var table = new Table().Title("Cases that went wrong").AddColumns("Id", "Outcome", "Reason", "Question");
            foreach (var m in misses)
            {
                table.AddRow(Markup.Escape(m.Id), Outcome(m.Outcome), Markup.Escape(m.Reason ?? ""), Markup.Escape(m.Question));
            }

            console.Write(table);
        }
    }

    public static void Write(IAnsiConsole console, IReadOnlyList<RgbResult> results)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(results);
        var corpus = results.Count > 0 && results[0].Corpus == RgbCorpus.PerQuestion ? "each question over its own snippets" : "one corpus of every question's snippets";
        var table = new Table().Title($"RGB (en_fact), {corpus}").AddColumns(
            "Protocol", "Documents", "Questions", "Accuracy", "False refusals", "Answered wrong", "Rejection rate", "Quotes verified", "Short answers holding", "p50 / p95", "Ingest");
        foreach (var r in results)
        {
            var t = r.Report.Totals;
            var answering = r.Protocol == RgbProtocol.Answering;
            table.AddRow(
                r.Protocol.ToString().ToLowerInvariant(), Count(r.Documents), Count(t.Cases),
                answering ? $"{Percent(r.Accuracy)} ({t.AnsweredRight})" : "-",
                answering ? $"{Percent(r.FalseRefusalRate)} ({t.FalseRefusals})" : "-",
                answering ? $"{Percent((double)t.AnsweredWrong / Math.Max(1, t.AnswerableCases))} ({t.AnsweredWrong})" : "-",
                answering ? "-" : $"{Percent(r.RejectionRate)} ({t.CorrectRefusals})",
                $"{t.QuotesVerified}/{t.QuotesTotal}",
                answering ? $"{t.ShortAnswersHolding}/{t.ShortAnswersGiven} ({t.ShortAnswersHolding}/{t.ShortAnswersGivenWhenRight} right)" : "-",
                $"{Ms(t.LatencyP50Ms)} / {Ms(t.LatencyP95Ms)}",
                r.IngestSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s");
        }

        console.Write(table);
    }

    private static string Outcome(EvalOutcome outcome) => outcome switch
    {
        EvalOutcome.AnsweredRight => "answered right",
        EvalOutcome.AnsweredWrong => "answered wrong",
        EvalOutcome.FalseRefusal => "false refusal",
        EvalOutcome.CorrectRefusal => "correct refusal",
        _ => "wrongly answered",
    };

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string Ms(double value) => value.ToString("F1", CultureInfo.InvariantCulture) + " ms";
}
