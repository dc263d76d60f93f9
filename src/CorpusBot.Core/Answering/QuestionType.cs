namespace CorpusBot.Core.Answering;

/// <summary>What kind of answer a question wants; each kind has a cue a good sentence shows.</summary>
public enum QuestionType
{
    Other,
    Who,
    When,
    Where,
    HowMany,
    Why,
}
