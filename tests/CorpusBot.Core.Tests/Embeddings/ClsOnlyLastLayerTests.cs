using CorpusBot.Core.Embeddings.Builtin;
using CorpusBot.Core.Embeddings.Onnx;
using CorpusBot.Core.Embeddings.Onnx.Graph;
using CorpusBot.Core.Embeddings.Onnx.Graph.Proto;
using Microsoft.ML.OnnxRuntime;

namespace CorpusBot.Core.Tests.Embeddings;

/// <summary>The last layer computed for the [CLS] row alone: on arctic-embed-xs itself, against the model as published.</summary>
public sealed class ClsOnlyLastLayerTests
{
    private static readonly OnnxModelSettings Float32 = BuiltinModel.Settings with { Precision = EmbeddingPrecision.Float32 };

    [Fact]
    public void BuiltinModel_ClsRowIsUnchanged_AndOnlyThatRowIsComputed()
    {
        var original = ManifestResourceFile.Read(BuiltinModel.CarrierPath, BuiltinModel.ModelResource)[BuiltinModel.ModelResource];
        long[] ids = [101, 7592, 2088, 2012, 1996, 2902, 1999, 25175, 102]; // [CLS] hello world at the hospital in gomel [SEP]

        var pruned = OnnxModelRewriter.Prepare(original, Float32, "arctic-embed-xs");

        Assert.Contains(ModelProto.Parser.ParseFrom(pruned).Graph.Node, n => n.OpType == "Slice" && n.Name.EndsWith("/cls", StringComparison.Ordinal));
        var (fullShape, full) = Run(original, ids);
        var (prunedShape, cls) = Run(pruned, ids);
        Assert.Equal([1, ids.Length, 384], fullShape);
        Assert.Equal([1, 1, 384], prunedShape);
        var worst = full.Take(384).Zip(cls, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4f, $"the [CLS] row moved by {worst}");
    }

    [Fact]
    public void ModelWithoutAttention_IsLeftAsItIs()
    {
        var model = TinyOnnxModel.Bytes(TinyOnnxModel.Create());

        Assert.Same(model, OnnxModelRewriter.Prepare(model, Float32, "tiny"));
        Assert.False(ClsOnlyLastLayer.TryApply(TinyOnnxModel.Create()));
    }

    [Fact]
    public void MeanPooling_NeedsEveryRow_SoNothingIsRewritten()
    {
        var original = ManifestResourceFile.Read(BuiltinModel.CarrierPath, BuiltinModel.ModelResource)[BuiltinModel.ModelResource];

        Assert.Same(original, OnnxModelRewriter.Prepare(original, Float32 with { Pooling = EmbeddingPooling.Mean }, "arctic-embed-xs"));
    }

    private static (long[] Shape, float[] Values) Run(byte[] model, long[] ids)
    {
        using var session = new InferenceSession(model);
        long[] shape = [1, ids.Length];
        using var inputIds = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(ids.Select(_ => 1L).ToArray(), shape);
        using var types = OrtValue.CreateTensorValueFromMemory(new long[ids.Length], shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["input_ids", "attention_mask", "token_type_ids"], [inputIds, mask, types], ["last_hidden_state"]);
        return (outputs[0].GetTensorTypeAndShape().Shape, outputs[0].GetTensorDataAsSpan<float>().ToArray());
    }
}
