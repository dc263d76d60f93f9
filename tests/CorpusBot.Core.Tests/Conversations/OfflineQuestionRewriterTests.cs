using CorpusBot.Core.Conversations;

namespace CorpusBot.Core.Tests.Conversations;

public sealed class OfflineQuestionRewriterTests
{
    [Theory]
    [InlineData("Who is the harbor master of Port Kelvo?", "When did it open?", "When did Port Kelvo open?")]
    [InlineData("Who is the harbor master of Port Kelvo?", "How long is its pier?", "How long is Port Kelvo’s pier?")]
    [InlineData("How many soldiers were treated in Gomel?", "Who works there?", "Who works in Gomel?")]
    [InlineData("How many soldiers were treated in Gomel?", "And in Mazyr?", "How many soldiers were treated in Mazyr?")]
    [InlineData("How many soldiers were treated in Gomel?", "What about Mazyr and Lida?", "How many soldiers were treated in Mazyr and Lida?")]
    [InlineData("How many wounded soldiers were treated in Gomel and Khoiniki?", "And in Mazyr?", "How many wounded soldiers were treated in Mazyr?")] // the whole list, not its last name
    [InlineData("Were soldiers treated in Brest, Gomel or Lida?", "And in Mazyr?", "Were soldiers treated in Mazyr?")]
    [InlineData("How many soldiers were taken to New Lida and Gomel?", "And in Mazyr?", "How many soldiers were taken to Mazyr?")]
    [InlineData("Who ordered the Zelva hospital to take soldiers?", "Why?", "Why (Zelva, ordered, hospital, take, soldiers)?")]
    [InlineData("Who is the harbor master of Port Kelvo?", "And when did it open?", "And when did Port Kelvo open?")]
    [InlineData("How many soldiers were treated in Mazyr?", "Who ordered the doctors to treat them?", "Who ordered the doctors to treat the soldiers?")] // "doctors" is repeated, so not what "them" stands for
    [InlineData("How many nurses does the Lida clinic employ?", "Where do they live?", "Where do the nurses live?")]
    [InlineData("How many nurses does the Lida clinic employ?", "What are their wages?", "What are the nurses’ wages?")]
    [InlineData("Who runs the Lida clinic?", "When did they open it?", "When did Lida open it?")] // "runs" is a verb: no plural to stand for
    [InlineData("Which hospitals does Lukashenko say took soldiers?", "Where are they?", "Where are the hospitals?")] // the first plural, the topic
    public void Rewrite_FollowUp_StandsAlone(string previous, string followUp, string expected) =>
        Assert.Equal(expected, OfflineQuestionRewriter.Rewrite(previous, followUp));

    [Theory]
    [InlineData("Who is the harbor master of Port Kelvo?", "How many nurses does the Lida clinic employ?")]
    [InlineData("Who is the harbor master of Port Kelvo?", "When did Port Kelvo open in 1998?")]
    public void Rewrite_QuestionWithItsOwnNames_Unchanged(string previous, string followUp) =>
        Assert.Equal(followUp, OfflineQuestionRewriter.Rewrite(previous, followUp));

    [Theory]
    [InlineData("When did it open?", true)]
    [InlineData("Who ordered that?", true)]
    [InlineData("And in Mazyr?", true)]
    [InlineData("Why?", true)]
    [InlineData("How many nurses does the Lida clinic employ?", false)]
    [InlineData("When did it open in 1998?", false)]
    [InlineData("Are there hospitals near the border?", false)]
    [InlineData("Hello there", false)]
    [InlineData("Who says that doctors were ordered to treat soldiers?", false)]
    public void LeansOnPrevious_PronounsEllipsisAndOwnAnchors(string question, bool expected) =>
        Assert.Equal(expected, QuestionShape.Of(question).LeansOnPrevious);
}
