namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>How to run one BERT-style ONNX embedding model: its tokenizer case, pooling, prefixes and batching.</summary>
/// <param name="Pooling">Mean or CLS, as the model was trained.</param>
/// <param name="LowerCase">Lower-case before WordPiece (true for uncased vocabularies).</param>
/// <param name="QueryPrefix">Put before every question ("Represent this sentence for searching relevant passages: " for arctic-embed).</param>
/// <param name="PassagePrefix">Put before every stored passage (e5: "passage: ").</param>
/// <param name="MaxTokens">Longest input in tokens, [CLS] and [SEP] included; longer texts are cut.</param>
/// <param name="BatchSize">
/// Float32: most texts per model run (texts are sorted by length first, so a batch pads only to its own longest).
/// Int8 runs every text alone: its activations are quantized per run, so in a batch a text's vector would depend on
/// the texts beside it; alone it has no padding either, and measured passages per CPU-second are the same.
/// </param>
/// <param name="Precision">Float32 as published, or Int8 weights quantized at load (faster, vectors slightly different).</param>
public sealed record OnnxModelSettings(
    EmbeddingPooling Pooling,
    bool LowerCase = true,
    string QueryPrefix = "",
    string PassagePrefix = "",
    int MaxTokens = 256,
    int BatchSize = 32,
    EmbeddingPrecision Precision = EmbeddingPrecision.Float32)
{
    /// <summary>
    /// What changes the vectors a model gives, for its model id: a change here makes stored vectors stale.
    /// Float32 adds nothing, so ids (and databases) from before the precision setting stay valid.
    /// </summary>
    public string VectorAffectingSettings => $"{Pooling}|{LowerCase}|{PassagePrefix}|{QueryPrefix}|{MaxTokens}"
        + (Precision == EmbeddingPrecision.Float32 ? string.Empty : $"|{Graph.Int8Quantizer.Scheme}");
}
