using CorpusBot.Core.Embeddings.Onnx.Graph.Proto;
using Google.Protobuf;

namespace CorpusBot.Core.Tests.Embeddings;

/// <summary>
/// Builds small ONNX models in memory for the quantizer's tests: Y = Relu(X·W1 + b1)·W2, with X of shape [n, 8],
/// written through the same protobuf classes the quantizer reads. Weights are seeded random numbers; W1 is stored as
/// raw_data (as PyTorch exports) and W2 as float_data, so both ways of holding a tensor are read.
/// </summary>
internal static class TinyOnnxModel
{
    public const int Inputs = 8;
    public const int Hidden = 6;
    public const int Outputs = 3;

    private const int FloatType = 1;

    /// <summary>The model as a <see cref="ModelProto"/>, for a test to change before <see cref="Bytes"/>.</summary>
    public static ModelProto Create(int seed = 7)
    {
        var random = new Random(seed);
        var graph = new GraphProto
        {
            Name = "tiny",
            Node =
            {
                Node("MatMul", ["X", "W1"], "M1"),
                Node("Add", ["b1", "M1"], "A1"), // bias first, as PyTorch exports BERT
                Node("Relu", ["A1"], "R1"),
                Node("MatMul", ["R1", "W2"], "Y"),
            },
            Initializer =
            {
                Raw(Tensor("W1", [Inputs, Hidden], random)),
                Tensor("b1", [Hidden], random),
                Tensor("W2", [Hidden, Outputs], random),
            },
            Input = { Value("X", Inputs) },
            Output = { Value("Y", Outputs) },
        };
        return new ModelProto { IrVersion = 7, Graph = graph, OpsetImport = { new OperatorSetIdProto { Domain = string.Empty, Version = 13 } } };
    }

    public static byte[] Bytes(ModelProto model) => model.ToByteArray();

    public static NodeProto Node(string op, string[] inputs, string output) =>
        new() { Name = $"{op}_{output}", OpType = op, Input = { inputs }, Output = { output } };

    /// <summary>A graph input or output of shape [n, <paramref name="columns"/>].</summary>
    public static ValueInfoProto Value(string name, int columns) => new()
    {
        Name = name,
        Type = new TypeProto
        {
            TensorType = new TypeProto.Types.Tensor
            {
                ElemType = FloatType,
                Shape = new TensorShapeProto { Dim = { new TensorShapeProto.Types.Dimension { DimParam = "n" }, new TensorShapeProto.Types.Dimension { DimValue = columns } } },
            },
        },
    };

    private static TensorProto Raw(TensorProto tensor)
    {
        var bytes = new byte[tensor.FloatData.Count * sizeof(float)];
        Buffer.BlockCopy(tensor.FloatData.ToArray(), 0, bytes, 0, bytes.Length);
        tensor.FloatData.Clear();
        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }

    private static TensorProto Tensor(string name, long[] dims, Random random)
    {
        var tensor = new TensorProto { Name = name, DataType = FloatType, Dims = { dims } };
        var count = dims.Aggregate(1L, (a, b) => a * b);
        for (var i = 0; i < count; i++)
        {
            tensor.FloatData.Add((float)((random.NextDouble() * 2) - 1));
        }

        return tensor;
    }
}
