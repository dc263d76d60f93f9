namespace CorpusBot.Core.Conversations;

/// <summary>A question as typed and as it will be answered; they differ when a follow-up was made to stand alone.</summary>
public sealed record FollowUp(string Typed, string Question, bool IsFollowUp)
{
    /// <summary>The question answered is not what was typed: the reply says which question it answers.</summary>
    public bool IsRewritten => !string.Equals(Typed.Trim(), Question.Trim(), StringComparison.Ordinal);
}
