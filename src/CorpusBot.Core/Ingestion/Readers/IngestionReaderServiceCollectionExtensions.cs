using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Core.Ingestion.Readers;

internal static class IngestionReaderServiceCollectionExtensions
{
    /// <summary>The file-reading half of ingestion: options of section "Corpus" and the reader.</summary>
    public static IServiceCollection AddCorpusReaders(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<IngestionOptions>()
            .BindConfiguration(IngestionOptions.SectionName)
            .ValidateDataAnnotations();
        services.AddSingleton<DocumentSourceReader>();
        return services;
    }
}
