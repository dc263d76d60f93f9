using System.Text.Json;

namespace CorpusBot.Core.Answering;

/// <summary>
/// The stable string codes of <see cref="RefusalReason"/> and <see cref="AnswerMode"/> as JSON output,
/// logs and the answers table hold them ("no_evidence", "llm"), the same as <see cref="SnakeCaseEnumConverter{TEnum}"/> writes.
/// </summary>
public static class AnswerCodes
{
    public static string ToCode(this RefusalReason reason) => JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());

    public static string ToCode(this AnswerMode mode) => JsonNamingPolicy.SnakeCaseLower.ConvertName(mode.ToString());
}
