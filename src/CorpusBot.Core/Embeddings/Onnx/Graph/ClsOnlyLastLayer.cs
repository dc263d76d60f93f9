using System.Buffers.Binary;
using CorpusBot.Core.Embeddings.Onnx.Graph.Proto;
using Google.Protobuf;

namespace CorpusBot.Core.Embeddings.Onnx.Graph;

/// <summary>
/// With CLS pooling only the first token's output row is used, and in a BERT-style encoder the last layer's rows are
/// computed independently of each other except inside attention, which needs every token's key and value but only
/// the first token's query. So the last layer can compute its query, attention output, residual, layer norms and
/// feed-forward block for the [CLS] row alone: a <c>Slice</c> of the layer's input to its first row feeds the query
/// projection and the residual <c>Add</c>; the keys and values still see every token. That removes about five sixths
/// of the last layer's work (a seventh of the model's at ~120 tokens) without changing the [CLS] vector. The model's
/// output becomes [batch, 1, dimensions], which CLS pooling reads the same way.
/// <para>
/// The rewrite only applies when it finds the pattern it knows (the last <c>Softmax</c>; its score product; the
/// query projection behind it; and the layer input feeding exactly that projection, the key and value projections
/// and one residual <c>Add</c>); otherwise the model is left as it is.
/// </para>
/// </summary>
internal static class ClsOnlyLastLayer
{
    private const int Int64Type = 7;

    /// <summary>Rewrites the model in place; false (and untouched) when the pattern is not there.</summary>
    public static bool TryApply(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph;
        if (graph is null || graph.Output.Count != 1 || !model.OpsetImport.Any(o => o.Domain.Length == 0 && o.Version >= 10))
        {
            return false; // Slice takes its bounds as inputs from opset 10 on
        }

        var constants = graph.Initializer.Select(t => t.Name).Except(graph.Input.Select(i => i.Name), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var producers = new Dictionary<string, NodeProto>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output)
            {
                producers[output] = node;
            }
        }

        var softmax = graph.Node.LastOrDefault(n => n.OpType == "Softmax" && n.Domain.Length == 0);
        if (softmax is null || ScoreProduct(softmax.Input[0], producers, constants) is not { } scores
            || QueryProjection(scores.Input[0], producers, constants) is not { } query)
        {
            return false;
        }

        var layerInput = query.Input[0];
        var uses = graph.Node.Where(n => n.Input.Contains(layerInput)).ToList();
        var projections = uses.Where(n => IsWeightProduct(n, constants) && n.Input[0] == layerInput).ToList();
        var residuals = uses.Where(n => n.OpType == "Add" && n.Domain.Length == 0 && graph.Node.IndexOf(n) > graph.Node.IndexOf(softmax)).ToList();
        if (projections.Count != 3 || residuals.Count != 1 || uses.Count != 4 || graph.Output.Any(o => o.Name == layerInput))
        {
            return false;
        }

        var first = $"{layerInput}/cls";
        string starts = $"{first}/starts", ends = $"{first}/ends", axes = $"{first}/axes";
        graph.Initializer.Add([Int64s(starts, 0), Int64s(ends, 1), Int64s(axes, 1)]);
        graph.Node.Insert(graph.Node.IndexOf(query), new NodeProto
        {
            Name = first,
            OpType = "Slice",
            Input = { layerInput, starts, ends, axes },
            Output = { first },
        });
        query.Input[0] = first;
        var residual = residuals[0];
        for (var i = 0; i < residual.Input.Count; i++)
        {
            residual.Input[i] = residual.Input[i] == layerInput ? first : residual.Input[i];
        }

        return true;
    }

    /// <summary>The product of queries and keys behind the softmax: through the scaling and the mask, a MatMul of two computed tensors.</summary>
    private static NodeProto? ScoreProduct(string tensor, Dictionary<string, NodeProto> producers, HashSet<string> constants)
    {
        for (var depth = 0; depth < 4 && producers.TryGetValue(tensor, out var node); depth++)
        {
            if (node.OpType is "MatMul" or "FusedMatMul" && node.Input.Count == 2 && !constants.Contains(node.Input[0]) && !constants.Contains(node.Input[1]))
            {
                return node;
            }

            if (node.OpType is not ("Add" or "Div" or "Mul" or "Sub") || node.Input.Count != 2)
            {
                return null;
            }

            // The scaled scores are the operand that came from a MatMul; the mask's chain has none.
            tensor = node.Input.FirstOrDefault(i => ReachesProduct(i, producers, constants, 4)) ?? string.Empty;
        }

        return null;
    }

    private static bool ReachesProduct(string tensor, Dictionary<string, NodeProto> producers, HashSet<string> constants, int depth) =>
        depth > 0 && !constants.Contains(tensor) && producers.TryGetValue(tensor, out var node)
        && (node.OpType is "MatMul" or "FusedMatMul" || (node.OpType is "Div" or "Mul" && ReachesProduct(node.Input[0], producers, constants, depth - 1)));

    /// <summary>The query projection behind the scores' left operand: through the heads' Transpose/Reshape and the bias Add.</summary>
    private static NodeProto? QueryProjection(string tensor, Dictionary<string, NodeProto> producers, HashSet<string> constants)
    {
        for (var depth = 0; depth < 6 && producers.TryGetValue(tensor, out var node); depth++)
        {
            if (IsWeightProduct(node, constants))
            {
                return node;
            }

            tensor = node.OpType switch
            {
                "Transpose" or "Reshape" => node.Input[0],
                "Add" when node.Input.Count == 2 && constants.Contains(node.Input[0]) => node.Input[1],
                "Add" when node.Input.Count == 2 && constants.Contains(node.Input[1]) => node.Input[0],
                _ => string.Empty,
            };
        }

        return null;
    }

    private static bool IsWeightProduct(NodeProto node, HashSet<string> constants) =>
        node.OpType == "MatMul" && node.Domain.Length == 0 && node.Input.Count == 2 && constants.Contains(node.Input[1]);

    private static byte[] LittleEndian(long value)
    {
        var bytes = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return bytes;
    }

    private static TensorProto Int64s(string name, long value) => new()
    {
        Name = name,
        DataType = Int64Type,
        Dims = { 1 },
        RawData = UnsafeByteOperations.UnsafeWrap(LittleEndian(value)),
    };
}
