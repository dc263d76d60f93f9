using System.Text.RegularExpressions;
using CorpusBot.Core.Text;

namespace CorpusBot.Core.Conversations;

/// <summary>
/// Makes a follow-up stand alone without a model, from the previous question's names and key terms:
/// a pronoun becomes the name it stands for ("When did it open?" → "When did Port Kelvo open?"), an
/// ellipsis with a name of its own swaps the previous question's name ("And in Mazyr?" after "How many
/// soldiers were treated in Gomel?" → "How many soldiers were treated in Mazyr?"), and anything else
/// that lacks them gets the previous question's key terms added. A question that stands alone is kept.
/// </summary>
public sealed partial class OfflineQuestionRewriter : IQuestionRewriter
{
    public Task<string> RewriteAsync(string previous, string followUp, CancellationToken cancellationToken) =>
        Task.FromResult(Rewrite(previous, followUp));

    public static string Rewrite(string previous, string followUp)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(followUp);
        var before = QuestionShape.Of(previous);
        var now = QuestionShape.Of(followUp);
        var subject = MainName(before);

        if (now.EllipsisStart is { } start && now.Names.Count > 0 && before.Names.Count > 0)
        {
            // "And in Mazyr?": the previous question about Mazyr instead of its last name, or instead of the whole list
            // that name ends ("… treated in Gomel and Khoiniki?" → "… treated in Mazyr?").
            var last = before.Names[^1];
            var end = before.Text.LastIndexOf(last, StringComparison.Ordinal) + last.Length;
            var at = ListStart(before, end - last.Length);
            return before.Text[..at] + string.Join(" and ", now.Names) + before.Text[end..];
        }

        if (now.PronounIndex >= 0 && !now.IsAnchored && Referent(before, now) is { } referent)
        {
            return ReplacePronoun(now, referent);
        }

        if (!now.LeansOnPrevious && now.IsAnchored)
        {
            return now.Text;
        }

        var missing = KeyTerms(before).Where(t => !now.Text.Contains(t, StringComparison.OrdinalIgnoreCase)).ToList();
        if (missing.Count == 0)
        {
            return now.Text;
        }

        var core = now.EllipsisStart is { } s ? now.Text[s.Length..] : now.Text;
        core = core.Trim().TrimEnd('?', '.', '!', ' ');
        return $"{Capitalise(core)} ({string.Join(", ", missing)})?";
    }

    /// <summary>Where a list of names ending at <paramref name="at"/> starts: "Gomel and Khoiniki", "Brest, Gomel or Mazyr".</summary>
    private static int ListStart(QuestionShape shape, int at)
    {
        while (ListJoint().Match(shape.Text[..at]) is { Success: true } joint
            && NameAtEnd().Match(shape.Text[..joint.Index]) is { Success: true } name)
        {
            at = name.Index;
        }

        return at;
    }

    [GeneratedRegex(@"(,\s*and\s+|,\s*or\s+|\s+and\s+|\s+or\s+|,\s*)$")]
    private static partial Regex ListJoint();

    /// <summary>A name (capitalised words: "Khoiniki", "New York") that ends the text.</summary>
    [GeneratedRegex(@"\p{Lu}[\p{L}\-’']*(\s+\p{Lu}[\p{L}\-’']*)*$")]
    private static partial Regex NameAtEnd();

    /// <summary>
    /// What the pronoun stands for. "They", "them" and "their" stand for people or things in the plural
    /// ("Who ordered the doctors to treat them?" after a question about soldiers → "the soldiers"), so a
    /// plural noun of the previous question comes first; otherwise, and for the other pronouns, its main name.
    /// </summary>
    private static string? Referent(QuestionShape before, QuestionShape now)
    {
        var pronoun = now.Words[now.PronounIndex].ToLowerInvariant();
        if (pronoun is "they" or "them" or "their" && PluralNoun(before, now) is { } plural)
        {
            return "the " + plural;
        }

        return MainName(before);
    }

    /// <summary>
    /// The first plain plural noun of the previous question ("soldiers", "nurses"), its likeliest topic, that the follow-up does
    /// not repeat. A word in -s right after "who" or a name is a verb ("Who runs…", "Lukashenko says…").
    /// </summary>
    private static string? PluralNoun(QuestionShape before, QuestionShape now)
    {
        var words = before.Words;
        return words.Where((w, i) =>
                w.Length >= 4 && char.IsLower(w[0]) && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)
                && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal)
                && !StopWords.Contains(w) && !NotPlural.Contains(w)
                && (i == 0 || (!VerbBefore.Contains(words[i - 1]) && !before.Names.Any(n => n.EndsWith(words[i - 1], StringComparison.Ordinal))))
                && !now.Words.Contains(w, StringComparer.OrdinalIgnoreCase))
            .FirstOrDefault();
    }

    private static readonly HashSet<string> VerbBefore = new(StringComparer.OrdinalIgnoreCase) { "who", "that", "it", "he", "she" };

    /// <summary>Words ending in s that are not plural nouns, common in questions.</summary>
    private static readonly HashSet<string> NotPlural = new(StringComparer.OrdinalIgnoreCase)
    {
        "does", "was", "has", "its", "always", "perhaps", "news", "whereas", "across", "towards", "afterwards", "besides",
    };

    /// <summary>The name a pronoun most likely stands for: the longest, the last of equals.</summary>
    private static string? MainName(QuestionShape shape) =>
        shape.Names.Count == 0 ? null : shape.Names.Select((n, i) => (n, i)).OrderByDescending(x => x.n.Split(' ').Length).ThenByDescending(x => x.i).First().n;

    private static string ReplacePronoun(QuestionShape shape, string subject)
    {
        var pronoun = shape.Words[shape.PronounIndex];
        var replacement = pronoun.ToLowerInvariant() switch
        {
            "their" when subject.StartsWith("the ", StringComparison.Ordinal) => subject + "’",
            "its" or "their" or "his" => subject + "’s",
            "her" when shape.PronounIndex + 1 < shape.Words.Count && !StopWords.Contains(shape.Words[shape.PronounIndex + 1].ToLowerInvariant()) => subject + "’s",
            "there" => "in " + subject,
            _ => subject,
        };

        // Replace that occurrence only, as a whole word.
        var matches = WholeWord(pronoun).Matches(shape.Text);
        var occurrence = shape.Words.Take(shape.PronounIndex).Count(w => string.Equals(w, pronoun, StringComparison.Ordinal));
        var match = matches[Math.Min(occurrence, matches.Count - 1)];
        return shape.Text[..match.Index] + replacement + shape.Text[(match.Index + match.Length)..];
    }

    private static IEnumerable<string> KeyTerms(QuestionShape shape)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in shape.Names)
        {
            if (seen.Add(name))
            {
                yield return name;
            }
        }

        foreach (var word in shape.Words)
        {
            if (!StopWords.Contains(word.ToLowerInvariant()) && !shape.Names.Any(n => n.Contains(word, StringComparison.Ordinal)) && seen.Add(word))
            {
                yield return word;
            }
        }
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static Regex WholeWord(string word) => new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.None, TimeSpan.FromSeconds(1));
}
