using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using CorpusBot.Core.Embeddings.Onnx.Graph.Proto;
using Google.Protobuf;

namespace CorpusBot.Core.Embeddings.Onnx.Graph;

/// <summary>
/// Dynamic int8 quantization of an ONNX model's weight matrices, done in memory when the model loads (about a
/// quarter of a second for arctic-embed-xs, so nothing is cached on disk). ONNX Runtime's .NET API has no quantizer,
/// so this rewrites the graph itself: every <c>MatMul</c> whose second input is a constant float matrix
/// [K, N] becomes ONNX Runtime's CPU contrib op <c>com.microsoft.DynamicQuantizeMatMul</c>, which quantizes the
/// activations per call and multiplies in integers (AVX-512 VNNI / AVX-VNNI where the CPU has them); a bias
/// <c>Add</c> right after it is folded into the same op. Weights are quantized per output column, symmetrically
/// (zero point 0), to 7 bits (±63) rather than 8: ONNX Runtime's int8 kernel for CPUs without VNNI adds pairs of
/// uint8×int8 products in 16 bits, which 8-bit weights can overflow and 7-bit ones cannot, so the vectors are the
/// same on every x64 CPU. Activations, attention scores, layer norms and embeddings stay float32.
/// </summary>
internal static class Int8Quantizer
{
    /// <summary>
    /// Names the rewrite; part of a model id, so changing how weights are quantized makes stored vectors stale.
    /// v2: with CLS pooling the last layer runs on the [CLS] row alone (<see cref="ClsOnlyLastLayer"/>), which changes
    /// the activation scale its int8 products see (Float32 vectors stay the same).
    /// </summary>
    public const string Scheme = "int8-dqmm-col7-v2";

    /// <summary>Largest quantized weight magnitude: 7 bits, see the class remarks.</summary>
    internal const int WeightLevels = 63;

    private const int FloatType = 1;
    private const int Int8Type = 3;
    private const int ExternalData = 1;
    private const int GraphAttribute = 5;
    private const int GraphsAttribute = 10;
    private const string ContribDomain = "com.microsoft";

    /// <summary>Returns the quantized model and how many matrix products were rewritten.</summary>
    /// <exception cref="CorpusBotException">The bytes are not an ONNX model, or it has no MatMul with a constant float weight matrix.</exception>
    public static (byte[] Model, int MatMuls) Quantize(byte[] model, string description)
    {
        var parsed = OnnxModelRewriter.Parse(model, description);
        var count = Apply(parsed, description);
        return (parsed.ToByteArray(), count);
    }

    /// <summary>Quantizes the model in place; returns how many matrix products were rewritten.</summary>
    /// <exception cref="CorpusBotException">It has no MatMul with a constant float weight matrix, or has control-flow subgraphs.</exception>
    public static int Apply(ModelProto model, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        var graph = model.Graph ?? throw new CorpusBotException($"Cannot quantize the ONNX model {description}: it has no graph.");
        if (graph.Node.Any(n => n.Attribute.Any(a => a.Type is GraphAttribute or GraphsAttribute)))
        {
            throw new CorpusBotException(
                $"Cannot quantize the ONNX model {description}: it has control-flow subgraphs, which the int8 rewrite does not follow. Set Embeddings:Precision=Float32.");
        }

        var rewritten = Rewrite(graph);
        if (rewritten == 0)
        {
            throw new CorpusBotException(
                $"Cannot quantize the ONNX model {description}: it has no MatMul with a constant float weight matrix (already quantized?). Set Embeddings:Precision=Float32.");
        }

        if (!model.OpsetImport.Any(o => o.Domain == ContribDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = ContribDomain, Version = 1 });
        }

        return rewritten;
    }

    private static int Rewrite(GraphProto graph)
    {
        // An initializer that is also a graph input may be overridden by the caller (IR < 4): not a constant.
        var overridable = graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var constants = graph.Initializer.Where(t => !overridable.Contains(t.Name)).ToDictionary(t => t.Name, StringComparer.Ordinal);
        var graphOutputs = graph.Output.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var consumers = graph.Node.SelectMany(n => n.Input.Where(i => i.Length > 0).Distinct().Select(i => (Input: i, Node: n)))
            .ToLookup(p => p.Input, p => p.Node, StringComparer.Ordinal);
        var quantized = new Dictionary<string, (TensorProto Weights, TensorProto Scales)>(StringComparer.Ordinal);
        var folded = new HashSet<NodeProto>();
        var count = 0;
        for (var index = 0; index < graph.Node.Count; index++)
        {
            var node = graph.Node[index];
            if (node.OpType != "MatMul" || node.Domain.Length > 0 || node.Input.Count != 2
                || !constants.TryGetValue(node.Input[1], out var weights) || ReadMatrix(weights) is not { } matrix)
            {
                continue;
            }

            if (!quantized.TryGetValue(weights.Name, out var tensors))
            {
                tensors = QuantizeColumns(weights.Name, matrix.Values, matrix.Rows, matrix.Columns);
                quantized[weights.Name] = tensors;
            }

            var replacement = new NodeProto
            {
                Name = $"{node.Name}/Int8",
                OpType = "DynamicQuantizeMatMul",
                Domain = ContribDomain,
                Input = { node.Input[0], tensors.Weights.Name, tensors.Scales.Name },
                Output = { node.Output[0] },
            };
            if (BiasAdd(node.Output[0], matrix.Columns, constants, consumers, graphOutputs) is { } add)
            {
                var bias = add.Input[0] == node.Output[0] ? add.Input[1] : add.Input[0];
                replacement.Input.Add(string.Empty); // no weight zero point: symmetric
                replacement.Input.Add(bias);
                replacement.Output[0] = add.Output[0];
                folded.Add(add);
            }

            graph.Node[index] = replacement;
            count++;
        }

        foreach (var add in folded)
        {
            graph.Node.Remove(add);
        }

        var stillUsed = graph.Node.SelectMany(n => n.Input).Concat(graphOutputs).ToHashSet(StringComparer.Ordinal);
        foreach (var name in quantized.Keys.Where(n => !stillUsed.Contains(n)))
        {
            graph.Initializer.Remove(constants[name]);
        }

        graph.Initializer.Add(quantized.Values.SelectMany(t => new[] { t.Weights, t.Scales }));
        return count;
    }

    /// <summary>The Add that only adds a constant bias [N] to a MatMul's result, if that result has no other use.</summary>
    private static NodeProto? BiasAdd(
        string product, int columns, Dictionary<string, TensorProto> constants, ILookup<string, NodeProto> consumers, HashSet<string> graphOutputs)
    {
        var uses = consumers[product].ToList();
        if (graphOutputs.Contains(product) || uses.Count != 1 || uses[0] is not { OpType: "Add", Domain.Length: 0, Input.Count: 2 } add)
        {
            return null;
        }

        var other = add.Input[0] == product ? add.Input[1] : add.Input[0];
        return other != product && constants.TryGetValue(other, out var bias)
            && bias.DataType == FloatType && bias.Dims.Count == 1 && bias.Dims[0] == columns && bias.DataLocation != ExternalData
            ? add
            : null;
    }

    /// <summary>A finite float32 matrix held in the model file itself, or null (other types, external data, NaN).</summary>
    private static (float[] Values, int Rows, int Columns)? ReadMatrix(TensorProto tensor)
    {
        if (tensor.DataType != FloatType || tensor.Dims.Count != 2 || tensor.DataLocation == ExternalData
            || tensor.Dims[0] is <= 0 or > int.MaxValue || tensor.Dims[1] is <= 0 or > int.MaxValue)
        {
            return null;
        }

        var rows = (int)tensor.Dims[0];
        var columns = (int)tensor.Dims[1];
        var length = (long)rows * columns;
        float[] values;
        if (tensor.RawData.Length == length * sizeof(float))
        {
            values = new float[length];
            tensor.RawData.Span.CopyTo(MemoryMarshal.AsBytes(values.AsSpan())); // raw_data is little-endian, as is every platform ORT runs on here
        }
        else if (tensor.FloatData.Count == length)
        {
            values = [.. tensor.FloatData];
        }
        else
        {
            return null;
        }

        // A finite sum means no NaN or infinity (they propagate); only an overflowing sum needs the slow check.
        return float.IsFinite(TensorPrimitives.Sum(values)) || values.All(float.IsFinite) ? (values, rows, columns) : null;
    }

    /// <summary>Per output column: scale = max |w| / 63, q = round(w / scale).</summary>
    private static (TensorProto Weights, TensorProto Scales) QuantizeColumns(string name, float[] values, int rows, int columns)
    {
        var scales = new float[columns];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * columns, columns);
            for (var c = 0; c < columns; c++)
            {
                scales[c] = Math.Max(scales[c], Math.Abs(row[c]));
            }
        }

        var inverse = new float[columns];
        for (var c = 0; c < columns; c++)
        {
            scales[c] = scales[c] > 0 ? scales[c] / WeightLevels : 1f; // an all-zero column stays zero at any scale
            inverse[c] = 1f / scales[c];
        }

        var codes = new byte[values.Length];
        for (var r = 0; r < rows; r++)
        {
            var row = values.AsSpan(r * columns, columns);
            var target = MemoryMarshal.Cast<byte, sbyte>(codes.AsSpan(r * columns, columns));
            for (var c = 0; c < columns; c++)
            {
                target[c] = (sbyte)Math.Clamp(MathF.Round(row[c] * inverse[c]), -WeightLevels, WeightLevels);
            }
        }

        var scaleBytes = new byte[columns * sizeof(float)];
        MemoryMarshal.AsBytes(scales.AsSpan()).CopyTo(scaleBytes);
        return (
            new TensorProto { Name = $"{name}/int8", DataType = Int8Type, Dims = { rows, columns }, RawData = UnsafeByteOperations.UnsafeWrap(codes) },
            new TensorProto { Name = $"{name}/int8_scale", DataType = FloatType, Dims = { columns }, RawData = UnsafeByteOperations.UnsafeWrap(scaleBytes) });
    }
}
