using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CorpusBot.Core.Storage.Vectors;

internal static class VectorStoreServiceCollectionExtensions
{
    /// <summary>
    /// The in-memory index (one per process) and the reindexer. Expects <see cref="SqliteConnectionFactory"/>; the
    /// embedding generator is registered elsewhere.
    /// </summary>
    /// <remarks>
    /// There is no Microsoft.Extensions.VectorData collection here on purpose: vectors are written in the same
    /// transaction as their document and chunks (all or nothing), which that API cannot take part in, and a search
    /// through it would read each hit's record back from the file where the retriever needs only ids and scores.
    /// </remarks>
    public static IServiceCollection AddCorpusVectorStore(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<VectorIndexOptions>()
            .BindConfiguration(VectorIndexOptions.SectionName)
            .ValidateDataAnnotations();
        services.TryAddSingleton<VectorIndex>();
        services.TryAddSingleton<Reindexer>();
        return services;
    }
}
