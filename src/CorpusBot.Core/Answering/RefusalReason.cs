using System.Text.Json.Serialization;

namespace CorpusBot.Core.Answering;

/// <summary>
/// Why a question was refused. JSON output and the answer log keep the snake_case codes
/// (<c>no_evidence</c>, <c>out_of_scope</c>, …): see <see cref="AnswerCodes"/>.
/// </summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<RefusalReason>))]
public enum RefusalReason
{
    /// <summary>No passage strong enough, or the question's key terms are not covered.</summary>
    NoEvidence,

    /// <summary>Not a question about the corpus (chit-chat, creative writing, ...).</summary>
    OutOfScope,

    /// <summary>The question tries to override the rules (ignore the sources, reveal the prompt...).</summary>
    InstructionOverride,

    /// <summary>The model answered, but none of its quotes could be verified.</summary>
    Unverified,

    /// <summary>The model itself declined.</summary>
    ModelRefused,

    /// <summary>The question is empty, too long or malformed.</summary>
    InvalidQuestion,

    /// <summary>Without a language model, a question in a language the extractive answerer cannot read.</summary>
    UnsupportedLanguage,
}
