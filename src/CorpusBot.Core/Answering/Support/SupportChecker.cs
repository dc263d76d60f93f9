using System.Text.RegularExpressions;

namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// Decides whether a sentence a model wrote is held by the verified quotes of the sources it cites.
/// Every number, amount, month and proper name in it must be in those quotes or in the question; a
/// link, e-mail address, phone number or instruction to the reader must be in a quote itself; and when
/// the sentence is in the language and script of its quotes, most of its content words must be theirs
/// (stemmed), which keeps a fair paraphrase and drops an invented claim. A sentence in another language
/// is held by its numbers and names alone. Code enforces this, not the prompt.
/// </summary>
public static partial class SupportChecker
{
    /// <summary>
    /// Share of a sentence's content words its quotes must hold. "Lukashenko said he personally told
    /// Belarusian medical staff to treat injured Russian soldiers" holds 7 of 10 against its quote
    /// ("told", "staff", "injured" are not in it) and is kept; a sentence that adds a claim of its own
    /// ("The health ministry praised the doctors" against a quote about the order) falls far below.
    /// </summary>
    public const double MinContentShare = 0.6;

    /// <param name="sentence">One sentence of the answer; [n] markers are ignored.</param>
    /// <param name="quotes">The verified quotes of the sources the sentence cites.</param>
    /// <param name="question">The user's question: its numbers, dates and names may be repeated.</param>
    public static SupportFailure Check(string sentence, IReadOnlyList<string> quotes, string? question) =>
        Check(sentence, new SupportEvidence(quotes, question));

    public static SupportFailure Check(string sentence, SupportEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Quotes.Count == 0)
        {
            return SupportFailure.NoQuotes;
        }

        var text = MarkerRegex().Replace(sentence, " ");
        if (ContactReader.Read(text).Any(c => !evidence.HasContact(c)))
        {
            return SupportFailure.Contact;
        }

        if (ReaderInstructions.IsInstruction(text) && !evidence.HasWordRun(WordReader.Words(text.ToLowerInvariant()).ToList()))
        {
            return SupportFailure.Instruction;
        }

        if (!NumberReader.Read(text).IsSubsetOf(evidence.Numbers))
        {
            return SupportFailure.Number;
        }

        if (!MonthReader.Read(text).IsSubsetOf(evidence.Months))
        {
            return SupportFailure.Date;
        }

        if (WordReader.Names(text).Any(name => !evidence.HasName(name)))
        {
            return SupportFailure.Name;
        }

        if (!TextLanguage.Of(text).IsSameAs(evidence.Language))
        {
            return SupportFailure.None; // another language: held by its numbers and names alone
        }

        var stems = WordReader.ContentStems(text).ToList();
        var held = stems.Count(evidence.HasContentStem);
        return stems.Count > 0 && held >= stems.Count * MinContentShare ? SupportFailure.None : SupportFailure.ContentWords;
    }

    [GeneratedRegex(@"\[\s*(?:source\s*)?\d{1,3}(?:\s*[,;]\s*(?:source\s*)?\d{1,3})*\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerRegex();
}
