namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>How a BERT-style model's token vectors become one sentence vector; the model card says which it was trained with.</summary>
public enum EmbeddingPooling
{
    /// <summary>The mean of the token vectors the attention mask keeps (all-MiniLM-L6-v2, e5, most sentence-transformers).</summary>
    Mean,

    /// <summary>The vector of the first token, [CLS] (arctic-embed, bge).</summary>
    Cls,
}
