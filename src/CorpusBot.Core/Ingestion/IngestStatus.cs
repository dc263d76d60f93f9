namespace CorpusBot.Core.Ingestion;

/// <summary>What happened to one input during ingestion.</summary>
public enum IngestStatus
{
    Added,
    Updated,
    Unchanged,
    Rejected,
}
