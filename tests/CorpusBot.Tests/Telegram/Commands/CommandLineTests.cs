using CorpusBot.Telegram.Commands;

namespace CorpusBot.Tests.Telegram.Commands;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("/ask why?", "ask", "why?", false)]
    [InlineData("/ASK@Corpus_Bot  why? ", "ask", "why?", true)]
    [InlineData("/add Title\nBody", "add", "Title\nBody", false)]
    [InlineData("/help", "help", "", false)]
    public void Parse_Commands(string text, string name, string arguments, bool addressed)
    {
        Assert.Equal(new CommandLine(name, arguments, addressed), CommandLine.Parse(text, "corpus_bot"));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("/")]
    [InlineData("/ask@other_bot why?")]
    [InlineData("/@corpus_bot")]
    [InlineData(null)]
    public void Parse_NotACommandForUs(string? text)
    {
        Assert.Null(CommandLine.Parse(text, "corpus_bot"));
    }
}
