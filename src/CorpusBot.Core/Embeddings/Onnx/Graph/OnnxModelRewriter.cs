using CorpusBot.Core.Embeddings.Onnx.Graph.Proto;
using Google.Protobuf;

namespace CorpusBot.Core.Embeddings.Onnx.Graph;

/// <summary>
/// The graph rewrites a model gets at load, as its settings call for: <see cref="ClsOnlyLastLayer"/> under CLS pooling
/// (same vectors, less work) and <see cref="Int8Quantizer"/> for Int8. The model is parsed and written back once; a
/// model that needs neither is passed through untouched.
/// </summary>
internal static class OnnxModelRewriter
{
    public static byte[] Prepare(byte[] model, OnnxModelSettings settings, string description)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        if (!Rewrites(settings))
        {
            return model;
        }

        var parsed = Parse(model, description);
        var changed = settings.Pooling == EmbeddingPooling.Cls && ClsOnlyLastLayer.TryApply(parsed);
        if (settings.Precision == EmbeddingPrecision.Int8)
        {
            Int8Quantizer.Apply(parsed, description);
            changed = true;
        }

        return changed ? parsed.ToByteArray() : model;
    }

    /// <summary>Whether <see cref="Prepare"/> may change a model with these settings (if not, a model file can be loaded by path).</summary>
    public static bool Rewrites(OnnxModelSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Pooling == EmbeddingPooling.Cls || settings.Precision == EmbeddingPrecision.Int8;
    }

    /// <exception cref="CorpusBotException">The bytes are not an ONNX model.</exception>
    public static ModelProto Parse(byte[] model, string description)
    {
        try
        {
            return ModelProto.Parser.ParseFrom(model);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new CorpusBotException($"Cannot read the ONNX model {description}: it is not a valid ONNX file ({e.Message}).", e);
        }
    }
}
