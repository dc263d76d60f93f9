using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CorpusBot.Core.Tests.Storage.Vectors;

public sealed class VectorStoreServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCorpusVectorStore_ResolvesOneIndexAndTheReindexer()
    {
        await using var database = await VectorTestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("VectorIndex:Quantized", "true")]).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(database.Connections)
            .AddCorpusVectorStore();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Same(provider.GetRequiredService<VectorIndex>(), provider.GetRequiredService<VectorIndex>());
        Assert.True(provider.GetRequiredService<VectorIndex>().Quantized);
        Assert.NotNull(provider.GetRequiredService<Reindexer>());
    }
}
