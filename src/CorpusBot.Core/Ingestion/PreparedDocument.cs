using CorpusBot.Core.Chunking;
using CorpusBot.Core.Documents;

namespace CorpusBot.Core.Ingestion;

/// <summary>A document chunked and embedded, ready to be written; nothing of it is stored yet.</summary>
public sealed record PreparedDocument(
    SourceDocument Document,
    string Origin,
    string Title,
    string Hash,
    IReadOnlyList<Chunk> Chunks,
    string ModelId,
    float[][] Vectors)
{
    public long TextLength => Document.Text.Length;
}
