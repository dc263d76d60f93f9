namespace CorpusBot.Core.Answering;

/// <summary>Why a question was refused. The string codes are part of the JSON output.</summary>
public static class RefusalReason
{
    /// <summary>No passage strong enough, or the question's key terms are not covered.</summary>
    public const string NoEvidence = "no_evidence";

    /// <summary>Not a question about the corpus (chit-chat, creative writing, ...).</summary>
    public const string OutOfScope = "out_of_scope";

    /// <summary>The question tries to override the rules (ignore the sources, reveal the prompt...).</summary>
    public const string InstructionOverride = "instruction_override";

    /// <summary>The model answered, but none of its quotes could be verified.</summary>
    public const string Unverified = "unverified";

    /// <summary>The model itself declined.</summary>
    public const string ModelRefused = "model_refused";

    /// <summary>The question is empty, too long or malformed.</summary>
    public const string InvalidQuestion = "invalid_question";

    /// <summary>The question is not in English and no language model is configured to read it.</summary>
    public const string UnsupportedLanguage = "unsupported_language";

    /// <summary>The corpus holds no documents.</summary>
    public const string EmptyCorpus = "empty_corpus";
}
