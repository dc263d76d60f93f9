using System.Text.Json;
using CorpusBot.Cli;
using CorpusBot.Replies;
using Spectre.Console;
using static CorpusBot.Tests.Replies.ReplySamples;

namespace CorpusBot.Tests.Replies;

/// <summary>The terminal's answer: the answer first, each quote once, sources as people know them; plain when redirected.</summary>
public sealed class AnswerPrinterTests
{
    [Fact]
    public void ToText_HowMany_ShortAnswerFirst_QuoteOnce_NoOffsets()
    {
        var lines = Lines(AnswerPrinter.ToText(HowMany(), SourceLinks.DocumentsOnly));

        Assert.Equal("250 beds [1]", lines[0]);
        Assert.Equal("", lines[1]);
        Assert.Equal($"[1] “{BedsQuote}”", lines[2]);
        Assert.Equal("    — Doctor who fled <CNN>, CNN, 2022-05-04 · https://example.org/a?x=1&y=2", lines[3]);
        Assert.Equal(4, lines.Count);
        Assert.Single(lines, l => l.Contains("February 24", StringComparison.Ordinal));
    }

    [Fact]
    public void ToText_Verbose_AddsDocumentIdAndCharacters()
    {
        var text = AnswerPrinter.ToText(HowMany(), SourceLinks.DocumentsOnly, verbose: true);

        Assert.Contains($"(002_doc, characters 9701–{9701 + BedsQuote.Length})", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_SourcesDisagree_OneLinePerSource()
    {
        var lines = Lines(AnswerPrinter.ToText(Disagreeing(), SourceLinks.DocumentsOnly));

        Assert.Equal("nearly 900 wounded Russian soldiers [1] · about 160 to 170 wounded [2]", lines[0]);
        Assert.Single(lines, l => l.Contains("Gomel and Khoiniki", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("entire period", StringComparison.Ordinal));
    }

    [Fact]
    public void ToText_Why_QuotesOnly_Once()
    {
        var lines = Lines(AnswerPrinter.ToText(Why(), SourceLinks.DocumentsOnly));

        Assert.StartsWith("[1] “", lines[0], StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains("February 24", StringComparison.Ordinal));
    }

    [Fact]
    public void ToText_Llm_ProseFirst_ThenTheQuoteOnce()
    {
        var lines = Lines(AnswerPrinter.ToText(Llm(), SourceLinks.DocumentsOnly));

        Assert.Equal("Doctors were told to keep 250 beds free [1].", lines[0]);
        Assert.Equal($"[1] “{BedsQuote}”", lines[2]);
        Assert.Single(lines, l => l.Contains("February 24", StringComparison.Ordinal));
    }

    [Fact]
    public void ToText_ConsoleOn_LinksTheQuoteInContext()
    {
        var text = AnswerPrinter.ToText(HowMany(), ConsoleLinks());

        Assert.Contains($"in context: https://console.example.org/bot/document?id=002_doc&start=9701&end={9701 + BedsQuote.Length}#quote", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_NoEvidenceRefusal_NamesTheClosestDocumentsByTitle()
    {
        var text = AnswerPrinter.ToText(NoEvidence(), SourceLinks.DocumentsOnly);

        Assert.Contains("Closest documents, if you want to look yourself: “Harbour <report> & notes”; “Ferry times”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"a\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToRenderable_Terminal_WrappedToWidth_ShortAnswerBoldInItsQuote()
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 50;

        console.Write(AnswerPrinter.ToRenderable(HowMany(), SourceLinks.DocumentsOnly));

        var rendered = output.ToString();
        var visible = System.Text.RegularExpressions.Regex.Replace(rendered, "\u001b\\[[0-9;]*m", string.Empty);
        var lines = Lines(visible);
        Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 50, $"{l.Length}: {l}"));
        Assert.True(lines.Count > 4, "the quote is wrapped over several lines");
        Assert.Equal("250 beds [1]", lines[0].TrimEnd());
        // Bold (SGR 1) twice: the short-answer line and the span inside the quote; the quote's text otherwise plain.
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(rendered, "\u001b\\[1(;[0-9]+)*m250 beds"));
        Assert.DoesNotContain("characters", visible, StringComparison.Ordinal);
        // The quote, once, wrapped only between words.
        var quoteLines = lines.Skip(2).TakeWhile(l => !l.TrimStart().StartsWith('—'));
        Assert.Equal($"[1] “{BedsQuote}”", string.Join(' ', string.Join(' ', quoteLines).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public void ToJson_ShortAnswer_FirstAndAll_OtherFieldsKept()
    {
        using var json = JsonDocument.Parse(AnswerPrinter.ToJson(Disagreeing()));
        var root = json.RootElement;

        var first = root.GetProperty("shortAnswer");
        Assert.Equal("nearly 900 wounded Russian soldiers", first.GetProperty("text").GetString());
        Assert.Equal(0, first.GetProperty("citation").GetInt32());
        var citation = root.GetProperty("citations")[0];
        var start = first.GetProperty("start").GetInt32() - citation.GetProperty("start").GetInt32();
        var end = first.GetProperty("end").GetInt32() - citation.GetProperty("start").GetInt32();
        Assert.Equal(first.GetProperty("text").GetString(), citation.GetProperty("quote").GetString()![start..end]);
        Assert.Equal(2, root.GetProperty("shortAnswers").GetArrayLength());
        foreach (var field in new[] { "question", "refused", "reason", "answer", "citations", "mode", "elapsedMs", "notice", "suggestedDocuments" })
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public void ToJson_NoShortAnswer_Null_RefusalHasSuggestedTitles()
    {
        using var why = JsonDocument.Parse(AnswerPrinter.ToJson(Why()));
        using var refusal = JsonDocument.Parse(AnswerPrinter.ToJson(NoEvidence()));

        Assert.Equal(JsonValueKind.Null, why.RootElement.GetProperty("shortAnswer").ValueKind);
        Assert.Equal("Ferry times", refusal.RootElement.GetProperty("suggestedSources")[1].GetProperty("title").GetString());
        Assert.Equal(["a", "b"], refusal.RootElement.GetProperty("suggestedDocuments").EnumerateArray().Select(e => e.GetString()));
    }

    private static List<string> Lines(string text) => text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').ToList();
}
