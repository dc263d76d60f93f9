using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.VectorData;

namespace CorpusBot.Core.Storage.Vectors;

internal static class VectorStoreServiceCollectionExtensions
{
    /// <summary>
    /// The in-memory index (one per process), the SQLite vector collection (also as the VectorData abstraction)
    /// and the reindexer. Expects <see cref="SqliteConnectionFactory"/>; the embedding generator is registered elsewhere.
    /// </summary>
    public static IServiceCollection AddCorpusVectorStore(this IServiceCollection services)
    {
        services.AddOptions<VectorIndexOptions>().BindConfiguration(VectorIndexOptions.SectionName);
        services.TryAddSingleton<VectorIndex>();
        services.TryAddSingleton<SqliteVectorCollection>();
        services.TryAddSingleton<VectorStoreCollection<long, ChunkVectorRecord>>(sp => sp.GetRequiredService<SqliteVectorCollection>());
        services.TryAddSingleton<Reindexer>();
        return services;
    }
}
