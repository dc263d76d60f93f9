using CorpusBot.Core.Diagnostics;
using CorpusBot.Core.Embeddings;
using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CorpusBot.Core.Retrieval;

/// <summary>
/// Hybrid retrieval: FTS5 BM25 and exact vector similarity each return their best candidates, fused
/// by reciprocal rank (so neither score scale dominates), then near-duplicates are collapsed.
/// </summary>
public sealed class HybridRetriever(
    SqliteConnectionFactory connections,
    QueryVectors queryVectors,
    VectorIndex vectorIndex,
    TermStatistics termStatistics,
    IOptions<RetrievalOptions> options,
    ILogger<HybridRetriever> logger) : IRetriever
{
    /// <summary>How many of each search's top matches are kept whatever their fused rank.</summary>
    private const int LeadersPerSearch = 2;

    public async Task<IReadOnlyList<Passage>> RetrieveAsync(string question, int topK, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var settings = options.Value;
        var lexical = await LexicalSearchAsync(question, settings.CandidatesPerSearch, cancellationToken);
        var vector = await VectorSearchAsync(question, settings.CandidatesPerSearch, cancellationToken);

        var fused = new Dictionary<long, (double Rrf, double Lexical, double Vector)>();
        for (var rank = 0; rank < lexical.Count; rank++)
        {
            var (id, score) = lexical[rank];
            fused[id] = (1.0 / (settings.RrfK + rank + 1), score, 0);
        }

        for (var rank = 0; rank < vector.Count; rank++)
        {
            var (id, score) = vector[rank];
            var current = fused.GetValueOrDefault(id);
            fused[id] = (current.Rrf + (1.0 / (settings.RrfK + rank + 1)), current.Lexical, score);
        }

        if (fused.Count == 0)
        {
            return [];
        }

        // Only the best-fused candidates are read: near-duplicate collapse drops a few, never most.
        // Each search's own best matches always make the cut: rank fusion alone lets a passage that is middling in
        // both lists push out the one passage that holds a rare name of the question (a story's only "Reuters").
        var leaders = lexical.Take(LeadersPerSearch).Select(l => l.ChunkId)
            .Concat(vector.Take(LeadersPerSearch).Select(v => v.ChunkId))
            .ToHashSet();
        var best = fused.OrderByDescending(f => f.Value.Rrf).ThenBy(f => f.Key).Take(topK * 3).Select(f => f.Key).Union(leaders);
        var rows = await LoadChunksAsync(best, cancellationToken);
        var ranked = rows
            .Select(r => r with { Score = fused[r.ChunkId].Rrf, LexicalScore = fused[r.ChunkId].Lexical, VectorScore = fused[r.ChunkId].Vector })
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.ChunkId);
        var collapsed = NearDuplicates.Collapse(ranked, settings.DuplicateSimilarity).ToList();
        var chosen = collapsed.Take(topK).ToList();
        foreach (var leader in collapsed.Skip(topK).Where(p => leaders.Contains(p.ChunkId)))
        {
            // Room for a leader that fusion ranked out: drop the lowest-ranked passage that is not one.
            var drop = chosen.FindLastIndex(p => !leaders.Contains(p.ChunkId));
            if (drop < 0)
            {
                break;
            }

            chosen.RemoveAt(drop);
            chosen.Add(leader);
        }

        return chosen.OrderByDescending(p => p.Score).ThenBy(p => p.ChunkId).ToList();
    }

    /// <summary>BM25 over the FTS index; scores negated so higher is better. The MATCH runs first, then the join.</summary>
    private async Task<List<(long ChunkId, double Score)>> LexicalSearchAsync(string question, int limit, CancellationToken cancellationToken)
    {
        var stems = FtsQuery.Stems(question);
        if (stems.Count == 0)
        {
            return [];
        }

        var (_, vocabulary) = await termStatistics.LookUpAsync(stems, cancellationToken);
        var match = FtsQuery.Plan(stems, vocabulary, options.Value.KeywordPostingBudget, options.Value.KeywordMaxPostings);
        if (match is null)
        {
            return [];
        }

        using var span = CoreActivities.Start(CoreActivities.Keyword);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT rowid, -bm25(chunks_fts) AS score FROM chunks_fts
            WHERE chunks_fts MATCH $match ORDER BY bm25(chunks_fts) LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<(long, double)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hits.Add((reader.GetInt64(0), reader.GetDouble(1)));
        }

        return hits;
    }

    private async Task<IReadOnlyList<ScoredChunk>> VectorSearchAsync(string question, int limit, CancellationToken cancellationToken)
    {
        await vectorIndex.RefreshAsync(connections, cancellationToken);
        if (vectorIndex.Count == 0)
        {
            return [];
        }

        try
        {
            float[] embedding;
            using (CoreActivities.Start(CoreActivities.Embed))
            {
                embedding = await queryVectors.GetAsync(question, cancellationToken);
            }

            using var span = CoreActivities.Start(CoreActivities.Vector);
            return vectorIndex.Search(embedding, limit);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An embeddings outage degrades retrieval to BM25 alone instead of failing the question.
            Log.VectorSearchFailed(logger, e);
            return [];
        }
    }

    private async Task<List<Passage>> LoadChunksAsync(IEnumerable<long> chunkIds, CancellationToken cancellationToken)
    {
        using var span = CoreActivities.Start(CoreActivities.Read);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var ids = chunkIds.ToList();
        var names = ids.Select((_, i) => $"$id{i}").ToList();
        command.CommandText = $"""
            SELECT c.id, c.document_id, d.title, d.url, c.start_offset, c.end_offset, d.text
            FROM chunks c JOIN documents d ON d.id = c.document_id
            WHERE c.id IN ({string.Join(',', names)});
            """;
        for (var i = 0; i < ids.Count; i++)
        {
            command.Parameters.AddWithValue(names[i], ids[i]);
        }

        var passages = new List<Passage>(ids.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            passages.Add(new Passage(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4), reader.GetInt32(5), reader.GetString(6)[reader.GetInt32(4)..reader.GetInt32(5)], 0, 0, 0));
        }

        return passages;
    }
}
