using CorpusBot.Core.Embeddings.Builtin;
using CorpusBot.Core.Embeddings.Onnx;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Embeddings;

/// <summary>The embedders the core itself provides: Builtin (arctic-embed-xs) and Lexical (hashed). Onnx and OpenAI come from CorpusBot.Providers.</summary>
public static class EmbeddingGeneratorFactory
{
    public static IEmbeddingGenerator<string, Embedding<float>> CreateCoreGenerator(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<IOptions<EmbeddingsOptions>>().Value;
        return options.Provider switch
        {
            EmbeddingsOptions.LexicalProvider => new LexicalEmbeddingGenerator(Math.Max(16, options.Dimensions)),
            EmbeddingsOptions.BuiltinProvider => BuiltinModel.CreateGenerator(
                (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(typeof(BuiltinModel).FullName!),
                options.Precision is { } precision ? Enum.Parse<EmbeddingPrecision>(precision) : BuiltinModel.DefaultPrecision),
            _ => throw new CorpusBotException(
                $"Embeddings:Provider {options.Provider} needs CorpusBot.Providers, which this host does not include; use Builtin or Lexical here."),
        };
    }
}
