using CorpusBot.Cli;

namespace CorpusBot.Tests.Cli;

public class SettingArgumentsTests
{
    [Fact]
    public void Split_SettingsInBothForms_SeparatedFromCommandArguments()
    {
        var (settings, rest) = SettingArguments.Split(
            ["ask", "--Answering:MaxQuotes=2", "--json", "--Chat:Model", "llama3", "Who?", "--db", "x.db"]);
        Assert.Equal(["--Answering:MaxQuotes=2", "--Chat:Model", "llama3"], settings);
        Assert.Equal(["ask", "--json", "Who?", "--db", "x.db"], rest);
    }

    [Fact]
    public void Split_QuestionThatLooksLikeText_StaysAQuestion()
    {
        var (settings, rest) = SettingArguments.Split(["ask", "What time: noon?", "--", "--Not:A=setting"]);
        Assert.Empty(settings);
        Assert.Equal(["ask", "What time: noon?", "--", "--Not:A=setting"], rest);
    }
}
