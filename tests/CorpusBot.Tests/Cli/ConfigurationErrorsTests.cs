using CorpusBot.Cli;
using CorpusBot.Telegram;
using Microsoft.Extensions.Configuration;

namespace CorpusBot.Tests.Cli;

/// <summary>A setting the configuration binder cannot convert becomes one line naming the key, the value and what it takes.</summary>
public sealed class ConfigurationErrorsTests
{
    public sealed class Sample
    {
        public int Count { get; set; }

        public TimeSpan Interval { get; set; }

        public TelegramMode Mode { get; set; }

        public double? Share { get; set; }
    }

    [Theory]
    [InlineData("Sample:Count", "abc", "a whole number")]
    [InlineData("Sample:Interval", "30m", "a time span such as 00:30:00 (30 minutes) or 1.00:00:00 (a day)")]
    [InlineData("Sample:Mode", "Pollin", "one of Polling, Webhook")]
    [InlineData("Sample:Share", "half", "a number (e.g. 0.5)")]
    public void BinderFailure_NamesKeyValueAndWhatItTakes(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var failure = Assert.Throws<InvalidOperationException>(() => configuration.GetSection("Sample").Get<Sample>());

        Assert.Equal(
            $"Invalid configuration: {key} is '{value}', which is not {expected}. " +
            $"Fix it where it is set (appsettings.json, CORPUSBOT_{key.Replace(":", "__", StringComparison.Ordinal)} or --{key}=…).",
            ConfigurationErrors.DescribeConversionFailure(failure));
    }

    [Fact]
    public void OtherInvalidOperation_NotDescribed()
    {
        Assert.Null(ConfigurationErrors.DescribeConversionFailure(new InvalidOperationException("Sequence contains no elements")));
    }

    [Fact]
    public async Task Ask_SettingNotANumber_OneLineExitConfiguration()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.RunAsync(
            ["ask", "Who ordered the doctors?", "--db", temp.Database],
            environment: new Dictionary<string, string> { ["CORPUSBOT_Answering__MaxQuotes"] = "three" });

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("Invalid configuration: Answering:MaxQuotes is 'three', which is not a whole number.", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
