namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>How to run one BERT-style ONNX embedding model: its tokenizer case, pooling, prefixes and batching.</summary>
/// <param name="Pooling">Mean or CLS, as the model was trained.</param>
/// <param name="LowerCase">Lower-case before WordPiece (true for uncased vocabularies).</param>
/// <param name="QueryPrefix">Put before every question ("Represent this sentence for searching relevant passages: " for arctic-embed).</param>
/// <param name="PassagePrefix">Put before every stored passage (e5: "passage: ").</param>
/// <param name="MaxTokens">Longest input in tokens, [CLS] and [SEP] included; longer texts are cut.</param>
/// <param name="BatchSize">Texts per model run. Texts are sorted by length first, so a batch pads only to its own longest.</param>
public sealed record OnnxModelSettings(
    EmbeddingPooling Pooling,
    bool LowerCase = true,
    string QueryPrefix = "",
    string PassagePrefix = "",
    int MaxTokens = 256,
    int BatchSize = 32)
{
    /// <summary>What changes the vectors a model gives, for its model id: a change here makes stored vectors stale.</summary>
    public string VectorAffectingSettings => $"{Pooling}|{LowerCase}|{PassagePrefix}|{QueryPrefix}|{MaxTokens}";
}
