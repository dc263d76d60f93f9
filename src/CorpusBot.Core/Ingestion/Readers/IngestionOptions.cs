using System.ComponentModel.DataAnnotations;

namespace CorpusBot.Core.Ingestion.Readers;

/// <summary>Where the corpus comes from and what the readers accept. Section "Corpus".</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Corpus";

    /// <summary>The largest file (or upload) the readers accept: 100 MB at most.</summary>
    public const int MaxFileBytesLimit = 100 * 1024 * 1024;

    /// <summary>Folder of seed articles; a relative path is resolved against the repository root.</summary>
    [Required(ErrorMessage = "Corpus:SeedsPath is required (a folder of articles, e.g. seeds).")]
    public string SeedsPath { get; set; } = "seeds";

    /// <summary>Files larger than this are refused before a byte of them is read.</summary>
    [Range(1, MaxFileBytesLimit, ErrorMessage = "Corpus:MaxFileBytes must be between 1 and 104857600 (100 MB).")]
    public int MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>PDFs with more pages than this are refused (a 10 MB file can hold tens of thousands of tiny pages).</summary>
    [Range(1, 100_000, ErrorMessage = "Corpus:MaxPdfPages must be between 1 and 100000.")]
    public int MaxPdfPages { get; set; } = 2000;

    /// <summary>Documents added from a URL are re-fetched (conditional GET) when last checked longer ago than this; 00:00:00 turns it off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00", ErrorMessage = "Corpus:RefreshInterval must be between 00:00:00 (off) and 365.00:00:00.")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromHours(24);
}
