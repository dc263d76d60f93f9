using System.ComponentModel.DataAnnotations;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Embeddings.Onnx;

namespace CorpusBot.Providers.Embeddings;

/// <summary>
/// The provider half of section "Embeddings" (the core's <see cref="EmbeddingsOptions"/> binds
/// Provider and Dimensions from the same section): model files for Onnx, endpoint for OpenAI.
/// </summary>
public sealed class ProviderEmbeddingsOptions
{
    public const string SectionName = EmbeddingsOptions.SectionName;
    public const string OnnxProvider = EmbeddingsOptions.OnnxProvider;
    public const string OpenAIProvider = EmbeddingsOptions.OpenAIProvider;

    public string Provider { get; set; } = EmbeddingsOptions.BuiltinProvider;

    /// <summary>For OpenAI: dimensions to request (0 = the model's own). For Lexical: vector size. Ignored by Builtin and Onnx.</summary>
    public int Dimensions { get; set; } = 384;

    /// <summary>Onnx: the sentence-transformers model.onnx; relative to the repository root.</summary>
    public string? ModelPath { get; set; }

    /// <summary>Onnx: the model's WordPiece vocab.txt.</summary>
    public string? VocabPath { get; set; }

    /// <summary>Onnx: lower-case before tokenizing (true for uncased models such as all-MiniLM-L6-v2 and bge-small-en).</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Onnx: Mean or Cls, as the model was trained (its model card says; bge and arctic-embed use Cls).</summary>
    public EmbeddingPooling Pooling { get; set; } = EmbeddingPooling.Mean;

    /// <summary>Onnx: text put before every input, when the model wants one.</summary>
    public string? Prefix { get; set; }

    /// <summary>Onnx: prefix for questions (e5: "query: "); falls back to <see cref="Prefix"/>.</summary>
    public string? QueryPrefix { get; set; }

    /// <summary>Onnx: prefix for stored passages (e5: "passage: "); falls back to <see cref="Prefix"/>.</summary>
    public string? PassagePrefix { get; set; }

    /// <summary>Onnx: longest input in tokens; longer texts are cut.</summary>
    [Range(8, 8192, ErrorMessage = "Embeddings:MaxTokens must be between 8 and 8192.")]
    public int MaxTokens { get; set; } = 256;

    /// <summary>Onnx: Float32 (unset) or Int8 (weights quantized at load); validated with the core's EmbeddingsOptions.</summary>
    public string? Precision { get; set; }

    /// <summary>Texts per model call (Onnx run or HTTP request). Onnx sorts texts by length first, so a batch pads only to its own longest.</summary>
    [Range(1, 2048, ErrorMessage = "Embeddings:BatchSize must be between 1 and 2048.")]
    public int BatchSize { get; set; } = 32;

    /// <summary>OpenAI: base URL, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>OpenAI: model name, e.g. text-embedding-3-small or nomic-embed-text.</summary>
    public string? Model { get; set; }

    /// <summary>OpenAI: secret; empty for endpoints without keys. Never logged.</summary>
    public string? ApiKey { get; set; }

    [Range(1, 600, ErrorMessage = "Embeddings:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 60;

    [Range(1, 1800, ErrorMessage = "Embeddings:TotalTimeoutSeconds must be between 1 and 1800.")]
    public int TotalTimeoutSeconds { get; set; } = 180;

    [Range(1, 10, ErrorMessage = "Embeddings:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 3;

    [Range(0.0, 60.0, ErrorMessage = "Embeddings:RetryDelaySeconds must be between 0 and 60.")]
    public double RetryDelaySeconds { get; set; } = 2;
}
