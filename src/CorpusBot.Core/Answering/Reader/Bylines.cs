using System.Text.RegularExpressions;
using CorpusBot.Core.Chunking;

namespace CorpusBot.Core.Answering.Reader;

/// <summary>
/// Who reported, wrote, edited or published a story is told by its byline ("(Reporting by Ronald Popeski; Editing by
/// David Gregorio)", "Published by …", "These findings were detailed in reporting by Zerkalo."), a sentence that shares
/// no words with the question about the story. So for such a question the reader looks for a byline whose verb is the
/// one asked about, in a document that is itself about what the question names (it holds every name and number the
/// question gives and most of its key terms), and quotes that line.
/// </summary>
public static partial class Bylines
{
    /// <summary>Share of the question's key terms (rarity-weighted) the document must hold to be the story asked about.</summary>
    private const double MinDocumentCoverage = 0.6;

    /// <summary>The byline quoted for the question, or null when the question is not about one or no document has it.</summary>
    public static ReaderSentence? Find(QuestionProfile profile, ReaderCandidates pool)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(pool);
        var asked = AskedVerbs(profile.Question);
        if (profile.Type != QuestionType.Who || asked.Count == 0)
        {
            return null;
        }

        var documents = pool.Sentences
            .GroupBy(s => s.DocumentId, StringComparer.Ordinal)
            .Select(g => (Id: g.Key, First: g.OrderBy(s => s.PassageRank).First()))
            .OrderBy(d => d.First.PassageRank);
        foreach (var (id, first) in documents)
        {
            var text = pool.DocumentTexts[id];
            var covered = TermCoverage.Covered(profile, text);
            if (!profile.HoldsSpecifics(covered) || TermCoverage.Share(profile, covered) < MinDocumentCoverage)
            {
                continue;
            }

            var byline = Byline().Matches(text).FirstOrDefault(m =>
                asked.Contains(VerbFamily(m.Groups["verb"].Value)) && !AnswerCue.IsQuestionTerm(profile, m.Groups["name"].Value.Split(' ')[0]));
            if (byline is null)
            {
                continue;
            }

            var spans = SentenceSplitter.Split(text);
            for (var index = 0; index < spans.Count; index++)
            {
                var span = spans[index];
                if (span.Start <= byline.Index && byline.Index < span.End)
                {
                    return new ReaderSentence(id, first.Title, first.Url, index, span.Start, span.End, span.Of(text), first.PassageRank, Retrieved: false);
                }
            }
        }

        return null;
    }

    /// <summary>The verbs a byline would answer the question with: "who edited" → edit; "which outlet published" → publish.</summary>
    private static HashSet<string> AskedVerbs(string question)
    {
        var lower = question.ToLowerInvariant();
        var asked = AskedVerb().Matches(lower).Select(m => VerbFamily(m.Value)).ToHashSet(StringComparer.Ordinal);
        // "Which outlet/publication/newspaper/agency …" and "who published …" ask for whoever published or reported it.
        if (PublisherNoun().IsMatch(lower) || asked.Contains("publish"))
        {
            asked.UnionWith(["publish", "report"]);
        }

        return asked;
    }

    private static string VerbFamily(string verb)
    {
        var v = verb.ToLowerInvariant();
        return v.StartsWith("report", StringComparison.Ordinal) ? "report"
            : v.StartsWith("edit", StringComparison.Ordinal) ? "edit"
            : v.StartsWith("writ", StringComparison.Ordinal) || v == "wrote" ? "write"
            : v.StartsWith("photograph", StringComparison.Ordinal) ? "photograph"
            : "publish"; // published, posted
    }

    [GeneratedRegex(@"\b(reported|reporting|report|edited|editing|edit|wrote|written|write|writing|published|publish|posted|post|photographed)\b")]
    private static partial Regex AskedVerb();

    [GeneratedRegex(@"\b(outlet|publication|newspaper|agency|magazine|website|site|broadcaster|channel)\b")]
    private static partial Regex PublisherNoun();

    [GeneratedRegex(@"\b(?<verb>[Rr]eporting|[Rr]eported|[Ee]diting|[Ee]dited|[Ww]riting|[Ww]ritten|[Pp]ublished|[Pp]osted|[Pp]hotographs?)\s+by\s+(?<name>\p{Lu}[\p{L}\-'’]*(\s+(&\s+)?\p{Lu}[\p{L}\-'’]*)*)")]
    private static partial Regex Byline();
}
