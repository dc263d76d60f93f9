namespace CorpusBot.Core.Embeddings.Onnx;

/// <summary>A batch of tokenised texts as BERT model inputs: token ids, attention mask and token types, padded to the batch's longest text.</summary>
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

    /// <param name="encoded">Token ids per text, special tokens included.</param>
    public static BertBatch Create(IReadOnlyList<IReadOnlyList<int>> encoded, int paddingTokenId)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var length = Math.Max(1, encoded.Max(ids => ids.Count));
        var inputIds = new long[encoded.Count * length];
        var mask = new long[encoded.Count * length];
        for (var row = 0; row < encoded.Count; row++)
        {
            var ids = encoded[row];
            var start = row * length;
            for (var i = 0; i < length; i++)
            {
                var real = i < ids.Count;
                inputIds[start + i] = real ? ids[i] : paddingTokenId;
                mask[start + i] = real ? 1 : 0;
            }
        }

        return new BertBatch(inputIds, mask, new long[encoded.Count * length], encoded.Count, length);
    }
}
