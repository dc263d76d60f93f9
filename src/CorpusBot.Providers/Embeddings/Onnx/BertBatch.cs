using Microsoft.ML.Tokenizers;

namespace CorpusBot.Providers.Embeddings.Onnx;

/// <summary>A batch of texts as BERT model inputs: token ids, attention mask and token types, padded to the longest text.</summary>
internal sealed class BertBatch
{
    private BertBatch(long[] inputIds, long[] attentionMask, long[] tokenTypeIds, int size, int length)
    {
        InputIds = inputIds;
        AttentionMask = attentionMask;
        TokenTypeIds = tokenTypeIds;
        Size = size;
        Length = length;
    }

    public long[] InputIds { get; }

    public long[] AttentionMask { get; }

    public long[] TokenTypeIds { get; }

    public int Size { get; }

    /// <summary>Tokens per row after padding.</summary>
    public int Length { get; }

    public long[] Shape => [Size, Length];

    public static BertBatch Create(BertTokenizer tokenizer, IReadOnlyList<string> texts, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(texts);
        var encoded = texts
            .Select(t => tokenizer.EncodeToIds(t, maxTokens, addSpecialTokens: true, out _, out _))
            .Select(ids => ids.Count <= maxTokens ? ids : [.. ids.Take(maxTokens - 1), tokenizer.SeparatorTokenId])
            .ToList();
        var length = Math.Max(1, encoded.Max(ids => ids.Count));
        var inputIds = new long[texts.Count * length];
        var mask = new long[texts.Count * length];
        for (var row = 0; row < encoded.Count; row++)
        {
            for (var i = 0; i < length; i++)
            {
                var at = (row * length) + i;
                var real = i < encoded[row].Count;
                inputIds[at] = real ? encoded[row][i] : tokenizer.PaddingTokenId;
                mask[at] = real ? 1 : 0;
            }
        }

        return new BertBatch(inputIds, mask, new long[texts.Count * length], texts.Count, length);
    }
}
