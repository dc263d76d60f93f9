using System.Text;
using CorpusBot.Telegram.Moderation;

namespace CorpusBot.Tests.Telegram.Moderation;

public sealed class ButtonDataTests
{
    [Theory]
    [InlineData("h:1", 'h', 1)]
    [InlineData("A:123456789012345678", 'A', 123456789012345678)]
    public void Parse_AcceptsWellFormedData(string data, char action, long id)
    {
        Assert.Equal(new ButtonData(action, id), ButtonData.Parse(data));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("A:")]
    [InlineData("A:0")]
    [InlineData("A:-1")]
    [InlineData("A:1 ")]
    [InlineData("a:1")]
    [InlineData("AA:1")]
    [InlineData("A:99999999999999999999")]
    [InlineData("A:١٢")]
    [InlineData("r:1;DROP TABLE answers")]
    public void Parse_RejectsAnythingElse(string? data)
    {
        Assert.Null(ButtonData.Parse(data));
    }

    [Fact]
    public void ToString_FitsTelegramsLimit()
    {
        var data = new ButtonData(ButtonData.Reject, long.MaxValue).ToString();

        Assert.True(Encoding.UTF8.GetByteCount(data) <= 64);
        Assert.Equal(new ButtonData(ButtonData.Reject, long.MaxValue), ButtonData.Parse(data));
    }
}
