namespace CorpusBot.Core.Answering.Support;

/// <summary>
/// What a sentence may rest on, read once: the verified quotes of the sources it cites (for every rule)
/// and the question (for numbers, dates and names only: repeating what was asked adds no claim).
/// </summary>
public sealed class SupportEvidence
{
    public SupportEvidence(IReadOnlyList<string> quotes, string? question)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        Quotes = quotes;
        var quoteText = string.Join("\n", quotes);
        var factText = quoteText + "\n" + (question ?? string.Empty);
        Language = TextLanguage.Of(quoteText);
        Numbers = NumberReader.Read(factText);
        Months = MonthReader.Read(factText);
        NameKeys = WordReader.Words(factText).SelectMany(NameKey.Of).ToHashSet(StringComparer.Ordinal);
        ContentStems = WordReader.ContentStems(quoteText).ToHashSet(StringComparer.Ordinal);
        QuoteWords = quotes.Select(q => WordReader.Words(q.ToLowerInvariant()).ToList()).ToList();
    }

    public IReadOnlyList<string> Quotes { get; }

    public TextLanguage Language { get; }

    public HashSet<decimal> Numbers { get; }

    public HashSet<int> Months { get; }

    public HashSet<string> NameKeys { get; }

    public HashSet<string> ContentStems { get; }

    /// <summary>Each quote's lower-cased words, in order (an instruction must appear in one of them as a run).</summary>
    public IReadOnlyList<List<string>> QuoteWords { get; }

    public bool HasName(string word) => NameKey.Of(word).Any(key => NameKeys.Contains(key) || NameKeys.Any(known => NameKey.Matches(key, known)));

    public bool HasContentStem(string stem) => ContentStems.Contains(stem) || ContentStems.Any(known => NameKey.Matches(stem, known));

    public bool HasContact(string contact) => Quotes.Any(q => q.Contains(contact, StringComparison.OrdinalIgnoreCase));

    public bool HasWordRun(IReadOnlyList<string> words) =>
        words.Count > 0 && QuoteWords.Any(quote => Enumerable.Range(0, Math.Max(0, quote.Count - words.Count + 1))
            .Any(start => words.Select((w, i) => quote[start + i] == w).All(same => same)));
}
