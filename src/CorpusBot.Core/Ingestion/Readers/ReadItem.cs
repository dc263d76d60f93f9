using System.Diagnostics.CodeAnalysis;
using CorpusBot.Core.Documents;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>One result of reading: a decoded document, or a rejection saying what was wrong.</summary>
public sealed record ReadItem
{
    private ReadItem(string origin, SourceDocument? document, IngestOutcome? rejection)
    {
        Origin = origin;
        Document = document;
        Rejection = rejection;
    }

    /// <summary>A file path, "path:line" for JSONL, or "upload:name" for an upload.</summary>
    public string Origin { get; }

    public SourceDocument? Document { get; }

    public IngestOutcome? Rejection { get; }

    /// <summary>For documents: the encoding the bytes were decoded from, e.g. "UTF-8" or "windows-1251".</summary>
    public string? Encoding { get; init; }

    [MemberNotNullWhen(true, nameof(Document))]
    public bool IsDocument => Document is not null;

    [MemberNotNullWhen(true, nameof(Rejection))]
    public bool IsRejected => Rejection is not null;

    public static ReadItem Read(string origin, SourceDocument document) => new(origin, document, null);

    public static ReadItem Rejected(string origin, string reason, string? documentId = null) =>
        new(origin, null, IngestOutcome.Rejected(origin, reason, documentId));
}
