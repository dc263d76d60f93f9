using CorpusBot.Core.Embeddings;
using System.Diagnostics;
using CorpusBot.Providers.Hosting;
using CorpusBot.Providers.Resilience;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Providers.Embeddings.OpenAI;

/// <summary>
/// Any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Ollama, vLLM, LM Studio), in batches, with
/// vectors L2-normalised. Every failure becomes an <see cref="EmbeddingUnavailableException"/> that
/// names the host (never the key); the ingestor embeds before it writes, so nothing is half-stored.
/// </summary>
internal sealed class OpenAIEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly IEmbeddingGenerator<string, Embedding<float>> inner;
    private readonly ProviderEmbeddingsOptions options;
    private readonly EmbeddingGeneratorMetadata metadata;
    private readonly string host;
    private readonly ILogger logger;

    public OpenAIEmbeddingGenerator(ProviderEmbeddingsOptions options, HttpClient httpClient, ILogger<OpenAIEmbeddingGenerator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.logger = logger;
        var model = options.Model ?? throw new Core.CorpusBotException("Embeddings:Model is required when Embeddings:Provider is OpenAI.");
        var endpoint = options.Endpoint ?? throw new Core.CorpusBotException("Embeddings:Endpoint is required when Embeddings:Provider is OpenAI.");
        host = EndpointRules.HostOf(endpoint);
        int? dimensions = options.Dimensions > 0 ? options.Dimensions : null;
        inner = OpenAIClientFactory.Create(endpoint, options.ApiKey, httpClient).GetEmbeddingClient(model).AsIEmbeddingGenerator(dimensions);
        ModelId = $"openai-{model}";
        metadata = new EmbeddingGeneratorMetadata("openai-compatible", null, ModelId, dimensions);
    }

    public string ModelId { get; }

    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var stopwatch = Stopwatch.StartNew();
        var result = new GeneratedEmbeddings<Embedding<float>>();
        var count = 0;
        foreach (var batch in values.Chunk(this.options.BatchSize))
        {
            GeneratedEmbeddings<Embedding<float>> generated;
            try
            {
                generated = await inner.GenerateAsync(batch, cancellationToken: cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var failure = ModelFailure.Describe(e);
                Log.EmbeddingsFailed(logger, e, host, batch.Length, failure);
                var message = $"The embeddings endpoint {host} (model {this.options.Model}) is unavailable: {failure}. Nothing was stored; add the document again when the endpoint is back.";
                throw ModelFailure.Mentions(e, this.options.ApiKey) ? new EmbeddingUnavailableException(message) : new EmbeddingUnavailableException(message, e);
            }

            if (generated.Count != batch.Length)
            {
                throw new EmbeddingUnavailableException($"The embeddings endpoint {host} returned {generated.Count} vectors for {batch.Length} texts. Nothing was stored.");
            }

            foreach (var embedding in generated)
            {
                var vector = VectorMath.Normalize(embedding.Vector.ToArray());
                if (result.Count > 0 && vector.Length != result[0].Vector.Length)
                {
                    throw new EmbeddingUnavailableException($"The embeddings endpoint {host} returned vectors of different sizes ({result[0].Vector.Length} and {vector.Length}). Nothing was stored.");
                }

                result.Add(new Embedding<float>(vector) { ModelId = ModelId });
            }

            count += batch.Length;
        }

        Log.Embedded(logger, count, ModelId, stopwatch.ElapsedMilliseconds);
        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbeddingGeneratorServices.Resolve(this, metadata, serviceType, serviceKey);

    public void Dispose() => inner.Dispose();
}
