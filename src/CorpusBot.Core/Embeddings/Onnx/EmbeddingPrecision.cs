using System.Diagnostics.CodeAnalysis;

namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>The number type of a model's weight matrices when it runs (Embeddings:Precision).</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The names are the number types they stand for, as written in the setting.")]
public enum EmbeddingPrecision
{
    /// <summary>The model as published.</summary>
    Float32,

    /// <summary>
    /// Weight matrices quantized to int8 when the model loads (<see cref="Graph.Int8Quantizer"/>): about twice
    /// as fast on x64 CPUs, vectors within ~0.998 cosine of Float32's (docs/BENCHMARKS.md has the measurements).
    /// </summary>
    Int8,
}
