using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Conversations;

/// <summary>
/// What a question leans on: pronouns standing for something named before, an elliptical start
/// ("And in Mazyr?", "What about the nurses?"), and the names and numbers of its own that let it stand alone.
/// </summary>
internal sealed partial class QuestionShape
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "it", "its", "they", "them", "their", "he", "him", "his", "she", "her", "there",
    };

    /// <summary>Demonstratives count only where they stand alone ("Who ordered that?"), not before a noun.</summary>
    private static readonly HashSet<string> Demonstratives = new(StringComparer.OrdinalIgnoreCase) { "this", "that", "these", "those" };

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "hi", "hello", "hey", "thanks", "thank", "ok", "okay", "bye", "good", "great",
    };

    private static readonly string[] EllipsisStarts = ["and what about ", "what about ", "how about ", "and ", "what of ", "also "];

    private QuestionShape(string text, IReadOnlyList<string> words, IReadOnlyList<string> names, bool hasNumber, string? ellipsisStart, int pronounIndex)
    {
        Text = text;
        Words = words;
        Names = names;
        HasNumber = hasNumber;
        EllipsisStart = ellipsisStart;
        PronounIndex = pronounIndex;
    }

    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>Runs of capitalised words that are not question or function words: "Port Kelvo", "Mazyr".</summary>
    public IReadOnlyList<string> Names { get; }

    public bool HasNumber { get; }

    /// <summary>The elliptical opening ("and ", "what about "), or null.</summary>
    public string? EllipsisStart { get; }

    /// <summary>Index in <see cref="Words"/> of the first pronoun standing for something named before, or -1.</summary>
    public int PronounIndex { get; }

    /// <summary>It has a name or number of its own, so it can stand alone.</summary>
    public bool IsAnchored => Names.Count > 0 || HasNumber;

    /// <summary>
    /// An elliptical start ("And in Mazyr?"), or no name or number of its own with a pronoun standing for
    /// something before or only a word or two ("When?"). Greetings and thanks never lean.
    /// </summary>
    public bool LeansOnPrevious =>
        !IsGreeting && (EllipsisStart is not null || (!IsAnchored && (PronounIndex >= 0 || Words.Count is > 0 and <= 2)));

    private bool IsGreeting => Words.Count > 0 && Greetings.Contains(Words[0]);

    public static QuestionShape Of(string question)
    {
        var text = question.Trim();
        var words = WordPattern().Matches(text).Select(m => m.Value).ToList();
        var lower = text.ToLowerInvariant();
        var ellipsis = EllipsisStarts.FirstOrDefault(s => lower.StartsWith(s, StringComparison.Ordinal) || lower == s.TrimEnd());
        var pronoun = -1;
        for (var i = 0; i < words.Count && pronoun < 0; i++)
        {
            var standsAlone = i == words.Count - 1 || !char.IsLetter(words[i + 1][0]) || StopWords.Contains(words[i + 1].ToLowerInvariant());
            if (Pronouns.Contains(words[i]) && !IsExistentialThere(words, i) || (Demonstratives.Contains(words[i]) && standsAlone))
            {
                pronoun = i;
            }
        }

        return new QuestionShape(text, words, NamesIn(words), words.Any(w => w.Any(char.IsAsciiDigit)), ellipsis, pronoun);
    }

    /// <summary>"Is there a clinic …", "Are there …": no referent.</summary>
    private static bool IsExistentialThere(List<string> words, int i) =>
        words[i].Equals("there", StringComparison.OrdinalIgnoreCase) && i > 0
        && words[i - 1].ToLowerInvariant() is "is" or "are" or "was" or "were";

    private static List<string> NamesIn(List<string> words)
    {
        var names = new List<string>();
        var run = new List<string>();
        foreach (var word in words.Append(string.Empty))
        {
            var isName = word.Length > 0 && char.IsUpper(word[0]) && !StopWords.Contains(word.ToLowerInvariant()) && word != "I";
            if (isName)
            {
                run.Add(word);
                continue;
            }

            if (run.Count > 0)
            {
                names.Add(string.Join(' ', run));
                run.Clear();
            }
        }

        return names;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex WordPattern();
}
