using System.Text.Json;
using CorpusBot.Core.Answering;

namespace CorpusBot.Core.Tests.Answering;

public sealed class AnswerTests
{
    private static readonly Citation Quote = new("doc", "Doc", "A verified quote.", 0, 17);

    [Fact]
    public void Answered_HasItsCitationsAndNoReason()
    {
        var answer = Answer.Answered("q", "It is so [1].", [Quote], AnswerMode.Llm, notice: "note");

        Assert.False(answer.Refused);
        Assert.Null(answer.Reason);
        Assert.Equal([Quote], answer.Citations);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("note", answer.Notice);
    }

    [Fact]
    public void Answered_WithoutCitations_Throws() =>
        Assert.Throws<ArgumentException>(() => Answer.Answered("q", "Invented.", [], AnswerMode.Llm));

    [Fact]
    public void Refusal_HasItsReasonAndNoCitations()
    {
        var answer = Answer.Refusal("q", RefusalReason.NoEvidence, "I can't answer that.", AnswerMode.Extractive, ["a", "b"]);

        Assert.True(answer.Refused);
        Assert.Equal(RefusalReason.NoEvidence, answer.Reason);
        Assert.Empty(answer.Citations);
        Assert.Equal(["a", "b"], answer.SuggestedDocuments);
        Assert.Null(Answer.Refusal("q", RefusalReason.OutOfScope, "No.", AnswerMode.Extractive, []).SuggestedDocuments);
    }

    [Fact]
    public void Codes_AreTheSnakeCaseStringsOfTheJsonAndTheDatabase()
    {
        string[] reasons = ["no_evidence", "out_of_scope", "instruction_override", "unverified", "model_refused", "invalid_question", "unsupported_language"];

        Assert.Equal(reasons, Enum.GetValues<RefusalReason>().Select(r => r.ToCode()));
        Assert.Equal(reasons.Select(r => $"\"{r}\""), Enum.GetValues<RefusalReason>().Select(r => JsonSerializer.Serialize(r)));
        Assert.Equal(RefusalReason.ModelRefused, JsonSerializer.Deserialize<RefusalReason>("\"model_refused\""));
        Assert.Equal(["extractive", "llm"], Enum.GetValues<AnswerMode>().Select(m => m.ToCode()));
        Assert.Equal("\"llm\"", JsonSerializer.Serialize(AnswerMode.Llm));
    }
}
