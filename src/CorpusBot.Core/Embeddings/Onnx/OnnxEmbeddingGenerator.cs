using System.Diagnostics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>
/// An <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> over a loaded <see cref="OnnxEmbeddingModel"/>: puts the
/// query or passage prefix before each text (<see cref="EmbeddingPurpose"/>) and labels the vectors with the model id.
/// The model may be shared (the built-in one is loaded once per process); only an owned model is disposed here.
/// </summary>
public sealed class OnnxEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxEmbeddingModel model;
    private readonly bool ownsModel;
    private readonly EmbeddingGeneratorMetadata metadata;
    private readonly ILogger logger;

    /// <param name="modelId">Stored beside every vector; must change whenever the vectors would (see <see cref="OnnxModelSettings.VectorAffectingSettings"/>).</param>
    public OnnxEmbeddingGenerator(OnnxEmbeddingModel model, string modelId, string providerName, ILogger logger, bool ownsModel)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        this.model = model;
        this.ownsModel = ownsModel;
        this.logger = logger;
        ModelId = modelId;
        metadata = new EmbeddingGeneratorMetadata(providerName, null, modelId, model.Dimensions);
    }

    public string ModelId { get; }

    public int Dimensions => model.Dimensions;

    public OnnxModelSettings Settings => model.Settings;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var prefix = EmbeddingPurpose.IsQuery(options) ? model.Settings.QueryPrefix : model.Settings.PassagePrefix;
        var texts = values.Select(v => prefix + v).ToList();
        var stopwatch = Stopwatch.StartNew();
        var vectors = model.Embed(texts, cancellationToken);
        Log.Embedded(logger, texts.Count, ModelId, stopwatch.ElapsedMilliseconds);
        return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId })));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        EmbeddingGeneratorServices.Resolve(this, metadata, serviceType, serviceKey);

    public void Dispose()
    {
        if (ownsModel)
        {
            model.Dispose();
        }
    }
}
