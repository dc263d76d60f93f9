namespace CorpusBot.Core.Storage;

/// <summary>One answer as the answer log stores it: plain values, string codes, and the citations already as JSON.</summary>
/// <param name="Reason">The refusal reason's code ("no_evidence"), or null for an answer.</param>
/// <param name="Mode">"extractive" or "llm".</param>
/// <param name="CitationsJson">A JSON array of the citations shown (moderators' review reads it back).</param>
/// <param name="Notice">The note shown with the answer (e.g. the model was unavailable), or null.</param>
public sealed record AnswerRecord(
    AnswerContext Context,
    string Question,
    bool Refused,
    string? Reason,
    string Mode,
    string Text,
    string CitationsJson,
    long ElapsedMs,
    string? Notice = null,
    string? ShortAnswersJson = null);
