using CorpusBot.Providers.Chat;

namespace CorpusBot.Providers.Tests.Chat;

public sealed class ModelReplyParserTests
{
    [Fact]
    public void Parse_PlainJson_ReadsAnswerQuotesAndRefusal()
    {
        var reply = ModelReplyParser.Parse("""{"answer":"Yes [1].","quotes":[{"source":1,"quote":"abc def ghi"}],"refuse":false}""");

        Assert.Equal("Yes [1].", reply.Answer);
        Assert.Equal(new ModelQuote(1, "abc def ghi"), Assert.Single(reply.Quotes));
        Assert.False(reply.Refuse);
    }

    [Fact]
    public void Parse_CodeFenceAndPreamble_ReadsTheObject()
    {
        var reply = ModelReplyParser.Parse("Here is the JSON:\n```json\n{\"answer\": \"A [2].\", \"quotes\": [{\"source\": \"[2]\", \"quote\": \"q q q q q\"},], \"refuse\": \"false\"}\n```\nHope it helps.");

        Assert.Equal("A [2].", reply.Answer);
        Assert.Equal(2, Assert.Single(reply.Quotes).Source);
    }

    [Fact]
    public void Parse_Refusal_IsRefusal()
    {
        Assert.True(ModelReplyParser.Parse("""{"answer":"","quotes":[],"refuse":true}""").Refuse);
    }

    [Theory]
    [InlineData("")]
    [InlineData("I am sorry, I cannot help with that.")]
    [InlineData("{ this is not json }")]
    [InlineData("""{"text":"wrong shape"}""")]
    public void Parse_Unusable_ThrowsModelUnavailable(string content)
    {
        Assert.Throws<ModelUnavailableException>(() => ModelReplyParser.Parse(content));
    }
}
