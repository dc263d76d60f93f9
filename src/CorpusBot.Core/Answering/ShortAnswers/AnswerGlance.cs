using CorpusBot.Core.Answering.Reader;
using CorpusBot.Core.Storage;

namespace CorpusBot.Core.Answering.ShortAnswers;

/// <summary>
/// What makes an answer readable at a glance, added in one place (<see cref="AnswerService"/>) so every front end shows
/// the same: the short answer cut out of an extractive answer's quotes, and the titles of the documents a refusal
/// suggests. A language model's answer keeps its own prose as the answer and gets no short answer.
/// </summary>
public sealed class AnswerGlance(QuestionAnalyzer analyzer, DocumentStore documents, SemanticFit semantics)
{
    /// <summary>How many suggested documents a refusal names.</summary>
    public const int MaxSuggestions = 3;

    public async Task<Answer> DescribeAsync(Answer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Refused)
        {
            return answer.SuggestedDocuments is { Count: > 0 } ids ? answer with { SuggestedSources = await TitlesAsync(ids, cancellationToken) } : answer;
        }

        if (answer.Mode != AnswerMode.Extractive || !ShortAnswerFinder.Serves(QuestionAnalyzer.TypeOf(answer.Question)))
        {
            return answer;
        }

        var profile = await analyzer.AnalyzeAsync(answer.Question, cancellationToken);
        var counted = ShortAnswerFinder.CountedWords(answer.Question);
        var standIns = counted.Count == 0
            ? null
            : await Paraphrases.StandInsAsync(counted, string.Join(' ', answer.Citations.Select(c => c.Quote)), semantics, cancellationToken);
        return answer.WithShortAnswers(ShortAnswerFinder.Find(profile, answer.Citations, standIns));
    }

    private async Task<IReadOnlyList<SuggestedSource>> TitlesAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        // A document removed since retrieval is simply not suggested.
        var titles = await documents.GetTitlesAsync([.. ids.Distinct(StringComparer.Ordinal).Take(MaxSuggestions)], cancellationToken);
        return [.. titles.Select(t => new SuggestedSource(t.Id, t.Title, t.Url))];
    }
}
