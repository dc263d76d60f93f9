using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Embeddings;

/// <summary>Which embedder turns text into vectors. Section "Embeddings".</summary>
public sealed class EmbeddingsOptions
{
    public const string SectionName = "Embeddings";

    /// <summary>arctic-embed-xs, shipped inside the build (see <see cref="Builtin.BuiltinModel"/>): the default.</summary>
    public const string BuiltinProvider = "Builtin";

    /// <summary>The hashed lexical embedder: no model, very fast, not semantic (tests, very large corpora).</summary>
    public const string LexicalProvider = "Lexical";

    public const string OnnxProvider = "Onnx";
    public const string OpenAIProvider = "OpenAI";

    /// <summary>Builtin (arctic-embed-xs), Lexical (hashed, no model), Onnx (a local model file) or OpenAI (any compatible endpoint).</summary>
    [RegularExpression("^(Builtin|Lexical|Onnx|OpenAI)$", ErrorMessage = "Embeddings:Provider must be Builtin, Lexical, Onnx or OpenAI.")]
    public string Provider { get; set; } = BuiltinProvider;

    /// <summary>
    /// Builtin and Onnx: Int8 (weight matrices quantized to int8 at load: about twice as fast, vectors within ~0.998
    /// cosine of the published model's) or Float32 (the model as published). Unset: Int8 for Builtin (measured on its
    /// model, docs/BENCHMARKS.md), Float32 for an Onnx model of your own. Changing it re-embeds the corpus at the next
    /// start, as any model change does.
    /// </summary>
    [RegularExpression("^(Float32|Int8)$", ErrorMessage = "Embeddings:Precision must be Float32 or Int8.")]
    public string? Precision { get; set; }

    /// <summary>Vector size of the Lexical embedder; for OpenAI, the requested dimensions (0 = the model's own). Builtin and Onnx use the model's.</summary>
    [Range(0, 8192, ErrorMessage = "Embeddings:Dimensions must be between 0 and 8192.")]
    public int Dimensions { get; set; } = 384;
}
