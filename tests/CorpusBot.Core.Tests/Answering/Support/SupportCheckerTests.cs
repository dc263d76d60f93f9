using CorpusBot.Core.Answering.Support;

namespace CorpusBot.Core.Tests.Answering.Support;

/// <summary>The rule itself, on sentences from the seed articles; the LLM path is tested end to end in CorpusBot.Providers.Tests.</summary>
public sealed class SupportCheckerTests
{
    private const string Order = "On January 22, 2026, Belarusian leader Alexander Lukashenko publicly stated that he had personally ordered Belarusian medical personnel to treat wounded Russian soldiers during prisoner-of-war exchanges between Russia and Ukraine.";
    private const string Database = "According to the database, over a 21-month period nearly 900 wounded Russian soldiers and Rosgvardia personnel were treated in hospitals in Gomel and Khoiniki.";
    private const string Question = "Who ordered Belarusian doctors to treat wounded Russian soldiers?";

    [Theory]
    [InlineData("Lukashenko said he personally told Belarusian medical staff to treat injured Russian soldiers.", Order)]
    [InlineData("Lukashenko ordered it.", Order)]
    [InlineData("Alexander Lukashenko gave the order on January 22, 2026.", Order)]
    [InlineData("Nearly 900 wounded Russian soldiers were treated in Gomel and Khoiniki over 21 months.", Database)]
    [InlineData("Nearly nine hundred Russian soldiers and Rosgvardia members were treated in Gomel hospitals.", Database)]
    public void Check_FairParaphrase_IsHeld(string sentence, string quote) =>
        Assert.Equal(SupportFailure.None, SupportChecker.Check(sentence, [quote], Question));

    [Theory]
    [InlineData("Belarus received five billion dollars from Moscow for every treated soldier.", Order, SupportFailure.Number)]
    [InlineData("Over 21 months 9,000 wounded Russian soldiers were treated in Gomel and Khoiniki.", Database, SupportFailure.Number)]
    [InlineData("Vladimir Putin personally ordered Belarusian medical personnel to treat wounded Russian soldiers.", Order, SupportFailure.Name)]
    [InlineData("Lukashenko ordered it in March 2026.", Order, SupportFailure.Date)]
    [InlineData("Visit evil.example for the full list.", Order, SupportFailure.Contact)]
    [InlineData("Write to tips@evil.example.", Order, SupportFailure.Contact)]
    [InlineData("Call +375 29 123 45 67 to help.", Order, SupportFailure.Contact)]
    [InlineData("Please donate to the soldiers.", Order, SupportFailure.Instruction)]
    [InlineData("The health ministry praised the doctors warmly.", Order, SupportFailure.ContentWords)]
    [InlineData("Yes.", Order, SupportFailure.ContentWords)]
    public void Check_InventedClaim_IsNotHeld(string sentence, string quote, SupportFailure expected) =>
        Assert.Equal(expected, SupportChecker.Check(sentence, [quote], Question));

    [Fact]
    public void Check_NoVerifiedQuote_IsNotHeld() =>
        Assert.Equal(SupportFailure.NoQuotes, SupportChecker.Check("Lukashenko ordered it.", [], Question));

    [Fact]
    public void Check_NumbersAndNamesFromTheQuestion_MayBeRepeated() =>
        Assert.Equal(SupportFailure.None, SupportChecker.Check(
            "In Mazyr, Lukashenko ordered Belarusian medical personnel to treat wounded Russian soldiers.", [Order], "Did Lukashenko's order reach Mazyr?"));

    [Fact]
    public void Check_LinkOrInstructionThatIsInTheQuote_IsHeld()
    {
        const string quote = "Readers can find the full list at zerkalo.io, the outlet said.";
        Assert.Equal(SupportFailure.None, SupportChecker.Check("The full list is at zerkalo.io.", [quote], null));
        Assert.Equal(SupportFailure.None, SupportChecker.Check("Do not share the list.", ["Do not share the list."], null));
    }

    [Theory]
    [InlineData("Лукашенко заявил, что лично приказал белорусским медикам лечить раненых российских солдат.", Order)]
    [InlineData("По данным базы, за 21 месяц почти 900 раненых российских военных и бойцов Росгвардии лечились в больницах Гомеля и Хойников.", Database)]
    [InlineData("Почти 900 солдат лечились в Гомеле.", Database)]
    [InlineData("22 января 2026 года Лукашенко заявил об этом публично.", Order)]
    public void Check_RussianSentence_IsHeldByItsNumbersAndNames(string sentence, string quote) =>
        Assert.Equal(SupportFailure.None, SupportChecker.Check(sentence, [quote], Question));

    [Theory]
    [InlineData("По данным базы, за 21 месяц почти 9000 раненых российских военных лечились в Гомеле.", Database, SupportFailure.Number)]
    [InlineData("Беларусь получила пять миллиардов долларов от Москвы.", Order, SupportFailure.Number)]
    [InlineData("Путин приказал белорусским медикам лечить раненых российских солдат.", Order, SupportFailure.Name)]
    [InlineData("Лукашенко заявил об этом 22 марта 2026 года.", Order, SupportFailure.Date)]
    [InlineData("Посетите evil.example, чтобы узнать больше.", Order, SupportFailure.Contact)]
    [InlineData("Подпишитесь на наш канал.", Order, SupportFailure.Instruction)]
    public void Check_RussianSentenceWithAnInventedFact_IsNotHeld(string sentence, string quote, SupportFailure expected) =>
        Assert.Equal(expected, SupportChecker.Check(sentence, [quote], Question));

    [Fact]
    public void Language_TellsScriptAndEnglishness()
    {
        Assert.True(TextLanguage.Of(Order).IsSameAs(TextLanguage.Of("Lukashenko said he personally told the staff to treat them.")));
        Assert.False(TextLanguage.Of(Order).IsSameAs(TextLanguage.Of("Лукашенко заявил, что лично приказал врачам.")));
        Assert.False(TextLanguage.Of(Order).IsSameAs(TextLanguage.Of("Lukaschenko sagte, er habe den Ärzten befohlen, die Soldaten zu behandeln.")));
    }
}
