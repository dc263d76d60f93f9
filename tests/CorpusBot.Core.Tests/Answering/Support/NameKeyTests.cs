using CorpusBot.Core.Answering.Support;

namespace CorpusBot.Core.Tests.Answering.Support;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Росгвардии", "Rosgvardia")]
    [InlineData("Лукашенко", "Lukashenko")]
    [InlineData("Лукашенка", "Lukashenko")]
    [InlineData("Гомеле", "Gomel")]
    [InlineData("Гомель", "Homel")]
    [InlineData("Хойниках", "Khoiniki")]
    [InlineData("Зеленский", "Zelensky")]
    [InlineData("Москвы", "Moscow")]
    [InlineData("России", "Russia")]
    [InlineData("Киеве", "Kyiv")]
    [InlineData("Київ", "Kyiv")]
    [InlineData("Belarus", "Belarusian")]
    [InlineData("Zerkalo", "zerkalo")]
    [InlineData("Mazyr", "Mazýr")]
    public void Of_SameNameAcrossScriptsCaseEndingsAndSpellings_Matches(string word, string other) =>
        Assert.Contains(NameKey.Of(word), key => NameKey.Of(other).Any(o => NameKey.Matches(key, o)));

    [Theory]
    [InlineData("Путин", "Lukashenko")]
    [InlineData("Putin", "Lukashenko")]
    [InlineData("Ivanov", "Ivan")]
    [InlineData("Minsk", "Mozyr")]
    public void Of_DifferentNames_DoNotMatch(string word, string other) =>
        Assert.DoesNotContain(NameKey.Of(word), key => NameKey.Of(other).Any(o => NameKey.Matches(key, o)));

    [Fact]
    public void Transliterator_RussianUkrainianAndBelarusianLetters()
    {
        Assert.Equal("rosgvardiya", CyrillicTransliterator.ToLatin("Росгвардия"));
        Assert.Equal("mazyr", CyrillicTransliterator.ToLatin("Мазыр"));
        Assert.Equal("shchuchyn", CyrillicTransliterator.ToLatin("Щучын"));
    }
}
