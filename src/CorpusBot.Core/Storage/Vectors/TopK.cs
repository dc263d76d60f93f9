namespace CorpusBot.Core.Storage.Vectors;

/// <summary>The best k scores seen so far, as a min-heap: the root is the score to beat.</summary>
internal sealed class TopK
{
    private readonly ScoredChunk[] heap;
    private int count;

    public TopK(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        heap = new ScoredChunk[k];
    }

    /// <summary>Whether <paramref name="score"/> would enter the heap; cheap, so callers test it before a filter.</summary>
    public bool Accepts(float score) => count < heap.Length || score > heap[0].Score;

    public void Add(long chunkId, float score)
    {
        if (count < heap.Length)
        {
            heap[count] = new ScoredChunk(chunkId, score);
            SiftUp(count++);
        }
        else if (score > heap[0].Score)
        {
            heap[0] = new ScoredChunk(chunkId, score);
            SiftDown(0);
        }
    }

    /// <summary>Best first; ties by ascending chunk id, so results are deterministic.</summary>
    public ScoredChunk[] ToSortedArray()
    {
        var result = heap.AsSpan(0, count).ToArray();
        Array.Sort(result, static (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.ChunkId.CompareTo(b.ChunkId));
        return result;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (heap[parent].Score <= heap[i].Score)
            {
                return;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < count && heap[left].Score < heap[smallest].Score)
            {
                smallest = left;
            }

            if (right < count && heap[right].Score < heap[smallest].Score)
            {
                smallest = right;
            }

            if (smallest == i)
            {
                return;
            }

            (heap[smallest], heap[i]) = (heap[i], heap[smallest]);
            i = smallest;
        }
    }
}
