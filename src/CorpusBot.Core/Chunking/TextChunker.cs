using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Chunking;

/// <summary>
/// Groups whole sentences into chunks of about <see cref="ChunkingOptions.TargetChars"/> characters.
/// A chunk never cuts a sentence (a single over-long sentence becomes a chunk of its own), and
/// offsets are exact: each chunk's text is the document text between its offsets.
/// </summary>
public sealed class TextChunker(IOptions<ChunkingOptions> options)
{
    public IReadOnlyList<Chunk> Chunk(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = SentenceSplitter.Split(text);
        var target = options.Value.TargetChars;
        var overlap = options.Value.OverlapSentences;
        var chunks = new List<Chunk>();
        var first = 0;
        while (first < sentences.Count)
        {
            var last = first;
            while (last + 1 < sentences.Count && sentences[last + 1].End - sentences[first].Start <= target)
            {
                last++;
            }

            var start = sentences[first].Start;
            var end = sentences[last].End;
            chunks.Add(new Chunk(chunks.Count, start, end, text[start..end]));
            if (last + 1 >= sentences.Count)
            {
                break;
            }

            // Step back by the overlap, but always move forward by at least one sentence.
            first = Math.Max(first + 1, last + 1 - overlap);
        }

        return chunks;
    }
}
