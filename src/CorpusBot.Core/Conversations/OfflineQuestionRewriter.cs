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
            // "And in Mazyr?": the previous question about Mazyr instead of its last name.
            var last = before.Names[^1];
            var at = before.Text.LastIndexOf(last, StringComparison.Ordinal);
            return before.Text[..at] + string.Join(" and ", now.Names) + before.Text[(at + last.Length)..];
        }

        if (now.PronounIndex >= 0 && !now.IsAnchored && subject is not null)
        {
            return ReplacePronoun(now, subject);
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

    /// <summary>The name a pronoun most likely stands for: the longest, the last of equals.</summary>
    private static string? MainName(QuestionShape shape) =>
        shape.Names.Count == 0 ? null : shape.Names.Select((n, i) => (n, i)).OrderByDescending(x => x.n.Split(' ').Length).ThenByDescending(x => x.i).First().n;

    private static string ReplacePronoun(QuestionShape shape, string subject)
    {
        var pronoun = shape.Words[shape.PronounIndex];
        var replacement = pronoun.ToLowerInvariant() switch
        {
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
