using CorpusBot.Core.Chunking;
using CorpusBot.Core.Tests.Fakes;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Tests.Chunking;

public class TextChunkerTests
{
    private static TextChunker Chunker(int target = 600, int overlap = 1) =>
        new(Options.Create(new ChunkingOptions { TargetChars = target, OverlapSentences = overlap }));

    [Fact]
    public void Chunk_EverySeed_OffsetsSliceTheExactText()
    {
        foreach (var file in RepositoryFiles.SeedFiles)
        {
            var text = File.ReadAllText(file);
            var chunks = Chunker().Chunk(text);
            Assert.NotEmpty(chunks);
            foreach (var chunk in chunks)
            {
                Assert.Equal(text[chunk.Start..chunk.End], chunk.Text);
            }

            Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        }
    }

    [Fact]
    public void Chunk_EverySentence_LandsWholeInSomeChunk()
    {
        var text = File.ReadAllText(RepositoryFiles.SeedFiles.First(f => f.Contains("002_", StringComparison.Ordinal)));
        var chunks = Chunker(300).Chunk(text);
        foreach (var sentence in SentenceSplitter.Split(text))
        {
            Assert.Contains(chunks, c => c.Start <= sentence.Start && sentence.End <= c.End);
        }
    }

    [Fact]
    public void Chunk_LongSentence_BecomesOneChunkNotCut()
    {
        var sentence = string.Join(' ', Enumerable.Repeat("word", 100)) + ".";
        var chunks = Chunker(100).Chunk(sentence + " Short one.");
        Assert.Equal(sentence, chunks[0].Text);
        Assert.Equal("Short one.", chunks[^1].Text);
    }

    [Fact]
    public void Chunk_Overlap_RepeatsLastSentenceAtNextStart()
    {
        const string text = "First sentence is here. Second sentence is here. Third sentence is here. Fourth one is here.";
        var chunks = Chunker(72, overlap: 1).Chunk(text);
        Assert.True(chunks.Count >= 2);
        Assert.StartsWith("Third", chunks[1].Text, StringComparison.Ordinal);
        Assert.EndsWith("Third sentence is here.", chunks[0].Text, StringComparison.Ordinal);
    }
}
