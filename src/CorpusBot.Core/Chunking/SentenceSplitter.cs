namespace CorpusBot.Core.Chunking;

/// <summary>
/// Splits text into sentence spans with exact offsets. Rules of thumb, not NLP: a sentence ends at
/// a line break, or at . ! ? (with closing quotes/brackets) followed by whitespace and an upper-case
/// letter, digit or opening quote. Common abbreviations (Mr., Dr., U.S., single initials) do not end one.
/// Leading and trailing whitespace is excluded from each span, so every span is a clean quote.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
        "vs", "etc", "inc", "ltd", "co", "corp", "no", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec",
        "u.s", "u.k", "e.g", "i.e", "approx", "dept", "est", "fig", "p",
    };

    public static IReadOnlyList<TextSpan> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                AddTrimmed(text, start, i, spans);
                start = i + 1;
            }
            else if (c is '.' or '!' or '?' or '…')
            {
                var end = i + 1;
                while (end < text.Length && (text[end] is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')' or ']' or '»'))
                {
                    end++;
                }

                if (IsBoundary(text, i, end))
                {
                    AddTrimmed(text, start, end, spans);
                    start = end;
                    i = end - 1;
                }
            }
        }

        AddTrimmed(text, start, text.Length, spans);
        return spans;
    }

    private static bool IsBoundary(string text, int punctuation, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[end]))
        {
            return false;
        }

        var next = end;
        while (next < text.Length && text[next] is ' ' or '\t')
        {
            next++;
        }

        if (next >= text.Length || text[next] == '\n')
        {
            return true;
        }

        var n = text[next];
        if (!(char.IsUpper(n) || char.IsDigit(n) || n is '"' or '“' or '‘' or '«' or '(' or '[' or '\'' or '–' or '-'))
        {
            return false;
        }

        return text[punctuation] != '.' || !EndsWithAbbreviation(text, punctuation);
    }

    private static bool EndsWithAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "Alexander G. Lukashenko"
        }

        return Abbreviations.Contains(word);
    }

    private static void AddTrimmed(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            spans.Add(new TextSpan(start, end));
        }
    }
}
