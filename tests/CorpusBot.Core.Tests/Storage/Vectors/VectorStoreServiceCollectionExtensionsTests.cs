using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.VectorData;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class VectorStoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCorpusVectorStore_ResolvesOneIndexAndOneCollection()
    {
        await using var database = await VectorTestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("VectorIndex:Quantized", "true")]).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(database.Connections)
            .AddCorpusVectorStore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        var collection = provider.GetRequiredService<VectorStoreCollection<long, ChunkVectorRecord>>();

        Assert.Same(provider.GetRequiredService<SqliteVectorCollection>(), collection);
        Assert.Same(provider.GetRequiredService<VectorIndex>(), collection.GetService(typeof(VectorIndex)));
        Assert.True(provider.GetRequiredService<VectorIndex>().Quantized);
        Assert.NotNull(provider.GetRequiredService<Reindexer>());
    }
}
