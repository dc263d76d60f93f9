using CorpusBot.Core.Ingestion.Readers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Ingestion;

public sealed class IngestionOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddCorpusReaders();
        return services.BuildServiceProvider();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("104857601")]
    public void AddCorpusReaders_MaxFileBytesOutOfRange_FailsNamingTheKey(string value)
    {
        using var provider = Build(new() { ["Corpus:MaxFileBytes"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<IngestionOptions>>().Value);

        Assert.Contains("Corpus:MaxFileBytes must be between 1 and 104857600", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCorpusReaders_NoSettings_DefaultsAndReaderResolve()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<IngestionOptions>>().Value;

        Assert.Equal(("seeds", 10 * 1024 * 1024), (options.SeedsPath, options.MaxFileBytes));
        Assert.NotNull(provider.GetRequiredService<DocumentSourceReader>());
    }

    [Fact]
    public void AddCorpusReaders_ConfiguredLimit_ReaderUsesIt()
    {
        using var provider = Build(new() { ["Corpus:MaxFileBytes"] = "4" });

        var item = Assert.Single(provider.GetRequiredService<DocumentSourceReader>().ReadUpload("a.txt", "hello"u8.ToArray()));

        Assert.Contains("over the limit of 4 bytes", Readers.Reason(item), StringComparison.Ordinal);
    }
}
