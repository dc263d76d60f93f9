namespace CorpusBot.Core.Evaluation;

/// <summary>How one case went. The first three are for answerable cases, the last two for refusal cases.</summary>
public enum EvalOutcome
{
    /// <summary>Answered, and a quote contains an accepted answer string.</summary>
    AnsweredRight,

    /// <summary>Answered, but no quote contains an accepted answer string.</summary>
    AnsweredWrong,

    /// <summary>An answer was expected, and the bot refused.</summary>
    FalseRefusal,

    /// <summary>A refusal was expected, and the bot refused.</summary>
    CorrectRefusal,

    /// <summary>A refusal was expected, and the bot answered.</summary>
    WronglyAnswered,
}
