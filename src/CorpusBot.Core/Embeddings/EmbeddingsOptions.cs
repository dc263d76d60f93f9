using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Embeddings;

/// <summary>Which embedder turns text into vectors. Section "Embeddings".</summary>
public sealed class EmbeddingsOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>Builtin (hashed lexical, no model), Onnx (local model file) or OpenAI (any compatible endpoint).</summary>
    [RegularExpression("^(Builtin|Onnx|OpenAI)$", ErrorMessage = "Embeddings:Provider must be Builtin, Onnx or OpenAI.")]
    public string Provider { get; set; } = "Builtin";

    /// <summary>Vector size of the built-in embedder; for OpenAI, the requested dimensions (0 = the model's own).</summary>
    [Range(0, 8192, ErrorMessage = "Embeddings:Dimensions must be between 0 and 8192.")]
    public int Dimensions { get; set; } = 384;
}
