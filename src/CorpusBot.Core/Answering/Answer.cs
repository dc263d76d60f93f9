namespace CorpusBot.Core.Answering;

/// <summary>
/// What the bot says to a question. A refusal has no citations; an answer has at least one,
/// and every citation has been checked by <see cref="QuoteVerifier"/>.
/// </summary>
/// <param name="Text">The answer text, or the refusal message.</param>
/// <param name="Mode">"extractive" or "llm".</param>
/// <param name="Reason">A <see cref="RefusalReason"/> code when refused, otherwise null.</param>
/// <param name="Notice">A note to the user, e.g. that the model was unavailable and the extractive answerer was used.</param>
/// <param name="SuggestedDocuments">For refusals: ids of the closest documents, as places to look.</param>
public sealed record Answer(
    string Question,
    bool Refused,
    string? Reason,
    string Text,
    IReadOnlyList<Citation> Citations,
    string Mode,
    TimeSpan Elapsed,
    string? Notice = null,
    IReadOnlyList<string>? SuggestedDocuments = null)
{
    public const string ExtractiveMode = "extractive";
    public const string LlmMode = "llm";
}
