using CorpusBot.Core.Answering;
using CorpusBot.Core.Answering.ShortAnswers;
using CorpusBot.Replies;
using CorpusBot.WebConsole;
using Microsoft.Extensions.Options;

namespace CorpusBot.Tests.Replies;

/// <summary>Answers of each kind, as the answer service hands them to the front ends, for the formatter tests.</summary>
internal static class ReplySamples
{
    public const string BedsQuote = "On the morning of February 24, the official ordered them to leave 250 beds free for Russian victims & <others>.";

    public static readonly Citation Beds = new("002_doc", "Doctor who fled <CNN>", BedsQuote, 9701, 9701 + BedsQuote.Length, "https://example.org/a?x=1&y=2", "CNN", "2022-05-04");

    public const string DatabaseQuote = "According to the database, over a 21-month period nearly 900 wounded Russian soldiers were treated in hospitals in Gomel and Khoiniki.";

    public const string ClaimQuote = "“We treated about 160 to 170 wounded during this entire period,” Lukashenko added.";

    /// <summary>"How many beds …?": one quote, the short answer "250 beds" inside it.</summary>
    public static Answer HowMany()
    {
        var answer = Answer.Answered("How many beds were the doctors told to leave free?", BedsQuote + " [1]", [Beds], AnswerMode.Extractive);
        var at = BedsQuote.IndexOf("250 beds", StringComparison.Ordinal);
        return answer.WithShortAnswers([new ShortAnswer("250 beds", 0, Beds.Start + at, Beds.Start + at + 8)]);
    }

    /// <summary>Two sources that disagree: one short-answer line per source.</summary>
    public static Answer Disagreeing()
    {
        var database = new Citation("000_doc", "Lukashenko says he ordered doctors to treat soldiers", DatabaseQuote, 1796, 1796 + DatabaseQuote.Length);
        var claim = new Citation("002_doc", "Doctor who fled", ClaimQuote, 14553, 14553 + ClaimQuote.Length, Publisher: "CNN");
        var answer = Answer.Answered("How many wounded Russian soldiers were treated?", DatabaseQuote + " [1] " + ClaimQuote + " [2]", [database, claim], AnswerMode.Extractive);
        return answer.WithShortAnswers([Span(database, 0, "nearly 900 wounded Russian soldiers"), Span(claim, 1, "about 160 to 170 wounded")]);
    }

    /// <summary>"Why …?": quotes only.</summary>
    public static Answer Why() => Answer.Answered("Why did he order it?", BedsQuote + " [1]", [Beds], AnswerMode.Extractive);

    /// <summary>A language model's answer: its prose is the answer.</summary>
    public static Answer Llm() => Answer.Answered("How many beds were kept free?", "Doctors were told to keep 250 beds free [1].", [Beds], AnswerMode.Llm);

    public static Answer NoEvidence() =>
        Answer.Refusal("Who won the cup?", RefusalReason.NoEvidence, "I can't answer that from the sources I have.", AnswerMode.Extractive, ["a", "b"]) with
        {
            SuggestedSources = [new SuggestedSource("a", "Harbour <report> & notes", "https://example.org/h"), new SuggestedSource("b", "Ferry times", null)],
        };

    public static SourceLinks ConsoleLinks(string publicUrl = "https://console.example.org/bot/")
    {
        var options = Options.Create(new ConsoleOptions { Url = "http://127.0.0.1:8081", PublicUrl = publicUrl });
        return new SourceLinks(options, new ConsoleAddress(options));
    }

    public static ShortAnswer Span(Citation citation, int index, string text)
    {
        var at = citation.Quote.IndexOf(text, StringComparison.Ordinal);
        return new ShortAnswer(text, index, citation.Start + at, citation.Start + at + text.Length);
    }
}
