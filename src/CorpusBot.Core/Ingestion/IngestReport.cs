namespace CorpusBot.Core.Ingestion;

/// <summary>All outcomes of one ingestion run.</summary>
public sealed record IngestReport(IReadOnlyList<IngestOutcome> Outcomes)
{
    public int Count(IngestStatus status) => Outcomes.Count(o => o.Status == status);

    public bool HasRejections => Outcomes.Any(o => o.Status == IngestStatus.Rejected);
}
