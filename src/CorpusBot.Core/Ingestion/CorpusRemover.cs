using CorpusBot.Core.Storage;
using CorpusBot.Core.Storage.Vectors;
using Microsoft.Extensions.Logging;

namespace CorpusBot.Core.Ingestion;

/// <summary>Removes a document with its chunks and vectors in one transaction, and audits who did it.</summary>
public sealed class CorpusRemover(
    SqliteConnectionFactory connections,
    VectorIndex vectorIndex,
    TimeProvider clock,
    ILogger<CorpusRemover> logger)
{
    /// <summary>True when the document existed and is gone; false when there was no such id.</summary>
    public async Task<bool> RemoveAsync(string documentId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        var removed = await vectorIndex.CommitAsync(
            connections,
            async (connection, transaction) =>
            {
                var existing = await DocumentStore.GetFingerprintAsync(connection, transaction, documentId, cancellationToken);
                if (existing is null)
                {
                    return ((List<long>?)null, VectorChange.None);
                }

                var chunks = await DocumentRows.DeleteAsync(connection, transaction, documentId, cancellationToken);
                await AuditLog.WriteAsync(connection, transaction, clock.GetUtcNow(), actor, "remove", documentId,
                    $"{chunks.Count} chunks", cancellationToken);
                // Removed chunks take every model's vectors with them; the index drops its own.
                return (chunks, new VectorChange(string.Empty, [], chunks));
            },
            cancellationToken);

        if (removed is not null)
        {
            Log.DocumentRemoved(logger, documentId, actor);
        }

        return removed is not null;
    }
}
