using CorpusBot.Core.Answering.Support;

namespace CorpusBot.Core.Tests.Answering.Support;

public sealed class NumberReaderTests
{
    [Theory]
    [InlineData("nearly 900 wounded soldiers", "900")]
    [InlineData("9,000 soldiers", "9000")]
    [InlineData("9 000 soldiers", "9000")]
    [InlineData("9\u00A0000\u00A0000 dollars", "9000000")]
    [InlineData("nine hundred soldiers", "900")]
    [InlineData("two hundred and fifty beds", "250")]
    [InlineData("twenty-one months", "21")]
    [InlineData("five billion dollars", "5000000000")]
    [InlineData("$5 billion", "5000000000")]
    [InlineData("5bn", "5000000000")]
    [InlineData("2.5 million", "2500000")]
    [InlineData("2,5 млн долларов", "2500000")]
    [InlineData("пять миллиардов долларов", "5000000000")]
    [InlineData("почти 900 солдат", "900")]
    [InlineData("a thousand people", "1000")]
    [InlineData("1,234.5 or 1.234,5", "1234.5")]
    [InlineData("2.50 and 2.5", "2.5")]
    public void Read_NormalisesSeparatorsScalesAndNumberWords(string text, string expected)
    {
        var values = NumberReader.Read(text);

        Assert.Equal([decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)], values);
    }

    [Fact]
    public void Read_RangesDatesAndListsAreSeparateNumbers()
    {
        Assert.Equal([160m, 170m], NumberReader.Read("160–170 soldiers").Order());
        Assert.Equal([3m, 12m, 2022m], NumberReader.Read("on 12.03.2022").Order());
        Assert.Equal([900m, 2022m], NumberReader.Read("In 2022, 900 soldiers").Order());
        Assert.Equal([100m, 2022m], NumberReader.Read("in 2022 100 soldiers").Order());
        Assert.Equal([21m], NumberReader.Read("over a 21-month period"));
    }

    [Theory]
    [InlineData("one of the doctors")]
    [InlineData("hundreds of Russian servicemen")]
    [InlineData("thousands fled")]
    [InlineData("один из врачей")]
    [InlineData("K-pop")]
    public void Read_VagueOrLoneWordsAreNoNumbers(string text) => Assert.Empty(NumberReader.Read(text));
}
