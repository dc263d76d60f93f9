namespace CorpusBot.Core.Evaluation;

/// <summary>What each RGB question is asked over.</summary>
public enum RgbCorpus
{
    /// <summary>
    /// One corpus of every question's snippets (the protocol's share of them), as a deployed bot holds many stories at
    /// once. Harder than the paper: another question's snippets may distract, or hold this question's answer (in
    /// protocol 2, 22 of the 100 answers occur somewhere in other questions' negative snippets).
    /// </summary>
    Pooled,

    /// <summary>
    /// Each question over its own snippets only, as in the RGB paper: protocol 2 then holds no accepted answer for any
    /// question, so every answer there is a real false answer.
    /// </summary>
    PerQuestion,
}
