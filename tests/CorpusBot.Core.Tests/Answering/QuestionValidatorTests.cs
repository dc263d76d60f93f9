using CorpusBot.Core.Answering;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Answering;

public class QuestionValidatorTests
{
    private readonly QuestionValidator validator = new(Options.Create(new AnsweringOptions { MaxQuestionChars = 1000 }));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Validate_Empty_SaysEmpty(string? question)
    {
        var e = Assert.Throws<InvalidQuestionException>(() => validator.Validate(question));
        Assert.Contains("empty", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Validate_TenThousandChars_NamesLengthAndLimit()
    {
        var e = Assert.Throws<InvalidQuestionException>(() => validator.Validate(new string('a', 10_000)));
        Assert.Contains("10000", e.Message, StringComparison.Ordinal);
        Assert.Contains("1000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ControlCharacter_NamesIt()
    {
        var e = Assert.Throws<InvalidQuestionException>(() => validator.Validate("Who\u0007 ordered it?"));
        Assert.Contains("U+0007", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OnlyPunctuation_Rejected() =>
        Assert.Throws<InvalidQuestionException>(() => validator.Validate("?!?"));

    [Fact]
    public void Validate_Ordinary_CollapsesWhitespace() =>
        Assert.Equal("Who ordered it?", validator.Validate("  Who \n ordered\tit?  "));
}
