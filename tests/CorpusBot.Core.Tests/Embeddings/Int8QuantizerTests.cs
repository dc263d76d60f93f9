using System.Text;
using CorpusBot.Core.Embeddings.Onnx.Graph;
using CorpusBot.Core.Embeddings.Onnx.Graph.Proto;
using Microsoft.ML.OnnxRuntime;

namespace CorpusBot.Core.Tests.Embeddings;

/// <summary>The int8 rewrite on tiny models the tests build (<see cref="TinyOnnxModel"/>), run by the real ONNX Runtime.</summary>
public sealed class Int8QuantizerTests
{
    [Fact]
    public void Quantize_RewritesEachConstantMatMul_AndFoldsItsBias()
    {
        var (bytes, matMuls) = Int8Quantizer.Quantize(TinyOnnxModel.Bytes(TinyOnnxModel.Create()), "tiny");

        var model = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(2, matMuls);
        Assert.Equal(["DynamicQuantizeMatMul", "Relu", "DynamicQuantizeMatMul"], model.Graph.Node.Select(n => n.OpType));
        Assert.Equal(["X", "W1/int8", "W1/int8_scale", string.Empty, "b1"], model.Graph.Node[0].Input);
        Assert.Equal("A1", model.Graph.Node[0].Output.Single());
        Assert.DoesNotContain(model.Graph.Initializer, t => t.Name is "W1" or "W2");
        Assert.All(model.Graph.Initializer.Where(t => t.Name.EndsWith("/int8", StringComparison.Ordinal)), t =>
        {
            Assert.Equal(3, t.DataType); // INT8
            Assert.All(t.RawData.ToByteArray(), b => Assert.InRange((sbyte)b, -Int8Quantizer.WeightLevels, Int8Quantizer.WeightLevels));
        });
        Assert.Contains(model.OpsetImport, o => o.Domain == "com.microsoft");
    }

    [Fact]
    public void QuantizedModel_RunsInOnnxRuntime_CloseToTheFloatModel()
    {
        var original = TinyOnnxModel.Bytes(TinyOnnxModel.Create());
        var input = Input(rows: 5, seed: 11);

        var expected = Run(original, input, rows: 5);
        var actual = Run(Int8Quantizer.Quantize(original, "tiny").Model, input, rows: 5);

        var scale = expected.Max(Math.Abs);
        Assert.True(scale > 0.1f, "the float model must give non-trivial outputs");
        var worst = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
        Assert.True(worst < 0.05f * scale, $"int8 output differs from float by {worst} (scale {scale})");
        Assert.NotEqual(expected, actual); // it really ran in integers
    }

    [Fact]
    public void WeightThatIsAlsoAGraphInput_StaysFloat()
    {
        // In IR < 4 models every initializer is also an input, which a caller may override: it is not a constant.
        var model = TinyOnnxModel.Create();
        model.Graph.Input.Add(TinyOnnxModel.Value("W2", TinyOnnxModel.Outputs));

        var (bytes, matMuls) = Int8Quantizer.Quantize(TinyOnnxModel.Bytes(model), "tiny");

        var quantized = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(1, matMuls);
        Assert.Equal("MatMul", quantized.Graph.Node.Last().OpType);
        Assert.Contains(quantized.Graph.Initializer, t => t.Name == "W2");
    }

    [Fact]
    public void ProductWithAnotherUse_KeepsItsAdd()
    {
        var model = TinyOnnxModel.Create();
        model.Graph.Output.Add(TinyOnnxModel.Value("M1", TinyOnnxModel.Hidden));

        var bytes = Int8Quantizer.Quantize(TinyOnnxModel.Bytes(model), "tiny").Model;

        var graph = ModelProto.Parser.ParseFrom(bytes).Graph;
        Assert.Equal(["DynamicQuantizeMatMul", "Add", "Relu", "DynamicQuantizeMatMul"], graph.Node.Select(n => n.OpType));
        Assert.Equal("M1", graph.Node[0].Output.Single());
        Assert.Equal(3, graph.Node[0].Input.Count); // no bias folded in
    }

    [Fact]
    public void WeightSharedByTwoProducts_IsQuantizedOnce()
    {
        var model = TinyOnnxModel.Create();
        model.Graph.Node.Add(TinyOnnxModel.Node("MatMul", ["X", "W1"], "Z"));
        model.Graph.Output.Add(TinyOnnxModel.Value("Z", TinyOnnxModel.Hidden));

        var (bytes, matMuls) = Int8Quantizer.Quantize(TinyOnnxModel.Bytes(model), "tiny");

        var quantized = ModelProto.Parser.ParseFrom(bytes);
        Assert.Equal(3, matMuls);
        Assert.Single(quantized.Graph.Initializer, t => t.Name == "W1/int8");
        Assert.Equal(6, Run(bytes, Input(rows: 1, seed: 3), rows: 1, output: "Z").Length);
    }

    [Fact]
    public void FieldsTheQuantizerDoesNotKnow_PassThrough()
    {
        // ModelProto field 2 (producer_name) is not in OnnxGraph.proto: appended by hand, it must survive the rewrite.
        var producer = "tiny-producer-for-the-test"u8.ToArray();
        byte[] field = [0x12, (byte)producer.Length, .. producer];

        var bytes = Int8Quantizer.Quantize([.. TinyOnnxModel.Bytes(TinyOnnxModel.Create()), .. field], "tiny").Model;

        Assert.Contains("tiny-producer-for-the-test", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void NotAModel_FailsWithTheModelsName()
    {
        var error = Assert.Throws<CorpusBotException>(() => Int8Quantizer.Quantize("not an onnx file"u8.ToArray(), "at /models/x.onnx"));

        Assert.Contains("at /models/x.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelWithoutWeightMatrices_FailsAndSaysHowToRunItAnyway()
    {
        var model = TinyOnnxModel.Create();
        model.Graph.Node.Clear();
        model.Graph.Node.Add(TinyOnnxModel.Node("Relu", ["X"], "Y"));

        var error = Assert.Throws<CorpusBotException>(() => Int8Quantizer.Quantize(TinyOnnxModel.Bytes(model), "tiny"));

        Assert.Contains("no MatMul with a constant float weight matrix", error.Message, StringComparison.Ordinal);
        Assert.Contains("Embeddings:Precision=Float32", error.Message, StringComparison.Ordinal);
    }

    private static float[] Input(int rows, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, rows * TinyOnnxModel.Inputs).Select(_ => (float)((random.NextDouble() * 4) - 2))];
    }

    private static float[] Run(byte[] model, float[] input, int rows, string output = "Y")
    {
        using var session = new InferenceSession(model);
        using var x = OrtValue.CreateTensorValueFromMemory(input, [rows, TinyOnnxModel.Inputs]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["X"], [x], [output]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
